using Sim2Real.Core.Imaging;
namespace Sim2Real.Vision.Preprocessing;

/// <summary>
/// The last N processed frames, stacked channel-first as DrQ-v2's FrameStack does: at the start of an episode the
/// first frame fills every slot, then each new frame pushes the oldest out. <see cref="Reset"/> and
/// <see cref="Push"/> return a snapshot the caller owns; <see cref="Fill"/>, <see cref="PushFrame"/> and
/// <see cref="CopyTo"/> do the same work into the caller's memory and allocate nothing, for the per-frame path.
/// </summary>
public sealed class FrameStack
{
    private readonly FramePreprocessor _preprocessor;
    private readonly byte[][] _frames;
    private int _newest = -1;
    private long _sequence;

    internal FrameStack(FramePreprocessor preprocessor)
    {
        _preprocessor = preprocessor;
        _frames = new byte[preprocessor.Options.FrameStack][];
        for (var i = 0; i < _frames.Length; i++)
        {
            _frames[i] = new byte[preprocessor.FrameBytes];
        }
    }

    public bool IsEmpty => _newest < 0;

    /// <summary>Frames pushed since the last fill: the <see cref="StackedObservation.Sequence"/> of the next snapshot.</summary>
    public long Sequence => _sequence;

    /// <summary>Bytes of one stacked observation: frames x 3 x height x width.</summary>
    public int ObservationBytes => _frames.Length * _preprocessor.FrameBytes;

    /// <summary>Starts over with <paramref name="first"/> in every slot (episode start, or a camera reconnect).</summary>
    public StackedObservation Reset(Image first, DateTimeOffset timestamp)
    {
        Fill(first);
        return Snapshot(timestamp);
    }

    /// <summary>Adds a frame; the first one after construction behaves as <see cref="Reset"/>.</summary>
    public StackedObservation Push(Image frame, DateTimeOffset timestamp)
    {
        PushFrame(frame);
        return Snapshot(timestamp);
    }

    /// <summary><see cref="Reset"/> without the snapshot: read the stack with <see cref="CopyTo"/>.</summary>
    public void Fill(Image first)
    {
        _preprocessor.ProcessInto(first, _frames[0]);
        for (var i = 1; i < _frames.Length; i++)
        {
            _frames[0].CopyTo(_frames[i], 0);
        }

        _newest = _frames.Length - 1;
        _sequence = 0;
    }

    /// <summary><see cref="Push"/> without the snapshot: read the stack with <see cref="CopyTo"/>.</summary>
    public void PushFrame(Image frame)
    {
        if (IsEmpty)
        {
            Fill(frame);
            return;
        }

        var slot = (_newest + 1) % _frames.Length;
        _preprocessor.ProcessInto(frame, _frames[slot]);
        _newest = slot;
        _sequence++;
    }

    /// <summary>Writes the stacked observation, oldest frame first, into <paramref name="destination"/> (<see cref="ObservationBytes"/> long).</summary>
    public void CopyTo(Span<byte> destination)
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("the frame stack is empty: fill or push a frame first");
        }

        if (destination.Length != ObservationBytes)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, one observation needs {ObservationBytes}", nameof(destination));
        }

        var per = _preprocessor.FrameBytes;
        for (var i = 0; i < _frames.Length; i++)
        {
            // Oldest first: slot after the newest, wrapping around.
            _frames[(_newest + 1 + i) % _frames.Length].CopyTo(destination.Slice(i * per, per));
        }
    }

    private StackedObservation Snapshot(DateTimeOffset timestamp)
    {
        var o = _preprocessor.Options;
        var data = new byte[ObservationBytes];
        CopyTo(data);
        return new StackedObservation(data, 3 * _frames.Length, o.OutputHeight, o.OutputWidth, timestamp, _sequence);
    }
}
