namespace Sim2Real.Sim.Rendering;

/// <summary>An 8-bit RGB image, rows top-down, <c>Pixels.Length == Width * Height * 3</c>.</summary>
public sealed class RgbFrame
{
    public RgbFrame(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width < 1 || height < 1 || pixels.Length != checked(width * height * 3))
        {
            throw new ArgumentException($"an RGB frame of {width}x{height} needs {width * height * 3} bytes, got {pixels.Length}", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    /// <summary>The (r, g, b) at column <paramref name="x"/>, row <paramref name="y"/> (0 = top).</summary>
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(x);
            ArgumentOutOfRangeException.ThrowIfNegative(y);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
            var i = ((y * Width) + x) * 3;
            return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
        }
    }

    /// <summary>Writes the frame as a PNG file.</summary>
    public void SavePng(string path) => PngWriter.WriteFile(path, Width, Height, Pixels);
}
