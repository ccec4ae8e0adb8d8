namespace Sim2Real.Sim.Environments;

/// <summary>
/// The last <c>depth</c> RGB frames, channel-first and oldest first: [depth*3, H, W] uint8, as DrQ-v2 feeds its
/// encoder. A reset fills every slot with the first frame so the stack is never partly empty.
/// </summary>
internal sealed class FrameStack
{
    private readonly byte[][] _frames;
    private int _newest;

    public FrameStack(int depth, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        Depth = depth;
        Width = width;
        Height = height;
        _frames = new byte[depth][];
        for (var i = 0; i < depth; i++)
        {
            _frames[i] = new byte[3 * width * height];
        }
    }

    public int Depth { get; }

    public int Width { get; }

    public int Height { get; }

    public int FrameBytes => 3 * Width * Height;

    /// <summary>Starts a new episode with <paramref name="rgb"/> (H x W x 3, rows top-down) in every slot.</summary>
    public void Reset(ReadOnlySpan<byte> rgb)
    {
        Push(rgb);
        for (var i = 0; i < Depth; i++)
        {
            if (i != _newest)
            {
                _frames[_newest].CopyTo(_frames[i], 0);
            }
        }
    }

    /// <summary>Adds a frame (H x W x 3, rows top-down), dropping the oldest.</summary>
    public void Push(ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length != FrameBytes)
        {
            throw new ArgumentException($"frame has {rgb.Length} bytes; a {Width}x{Height} RGB frame has {FrameBytes}", nameof(rgb));
        }

        _newest = (_newest + 1) % Depth;
        var planes = _frames[_newest];
        var plane = Width * Height;
        for (int p = 0, src = 0; p < plane; p++, src += 3)
        {
            planes[p] = rgb[src];
            planes[plane + p] = rgb[src + 1];
            planes[(2 * plane) + p] = rgb[src + 2];
        }
    }

    /// <summary>Writes the stack, oldest frame first, into <paramref name="destination"/> ([depth*3, H, W]).</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length != Depth * FrameBytes)
        {
            throw new ArgumentException($"destination has {destination.Length} bytes; the stack needs {Depth * FrameBytes}", nameof(destination));
        }

        for (var i = 0; i < Depth; i++)
        {
            var slot = (_newest + 1 + i) % Depth;
            _frames[slot].CopyTo(destination.Slice(i * FrameBytes, FrameBytes));
        }
    }
}
