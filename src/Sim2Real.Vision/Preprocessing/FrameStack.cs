using Sim2Real.Core.Imaging;
namespace Sim2Real.Vision.Preprocessing;

/// <summary>
/// The last N processed frames, stacked channel-first as DrQ-v2's FrameStack does: at the start of an episode the
/// first frame fills every slot, then each new frame pushes the oldest out.
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

    /// <summary>Starts over with <paramref name="first"/> in every slot (episode start, or a camera reconnect).</summary>
    public StackedObservation Reset(Image first, DateTimeOffset timestamp)
    {
        _preprocessor.ProcessInto(first, _frames[0]);
        for (var i = 1; i < _frames.Length; i++)
        {
            _frames[0].CopyTo(_frames[i], 0);
        }

        _newest = _frames.Length - 1;
        _sequence = 0;
        return Snapshot(timestamp);
    }

    /// <summary>Adds a frame; the first one after construction behaves as <see cref="Reset"/>.</summary>
    public StackedObservation Push(Image frame, DateTimeOffset timestamp)
    {
        if (IsEmpty)
        {
            return Reset(frame, timestamp);
        }

        var slot = (_newest + 1) % _frames.Length;
        _preprocessor.ProcessInto(frame, _frames[slot]);
        _newest = slot;
        _sequence++;
        return Snapshot(timestamp);
    }

    private StackedObservation Snapshot(DateTimeOffset timestamp)
    {
        var o = _preprocessor.Options;
        var per = _preprocessor.FrameBytes;
        var data = new byte[per * _frames.Length];
        for (var i = 0; i < _frames.Length; i++)
        {
            // Oldest first: slot after the newest, wrapping around.
            var slot = (_newest + 1 + i) % _frames.Length;
            _frames[slot].CopyTo(data, i * per);
        }

        return new StackedObservation(data, 3 * _frames.Length, o.OutputHeight, o.OutputWidth, timestamp, _sequence);
    }
}
