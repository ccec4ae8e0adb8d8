namespace Sim2Real.Sim.Playback;

/// <summary>Receives rendered RGB frames (H x W x 3, rows top-down) in order.</summary>
public interface IFrameSink : IDisposable
{
    void Write(ReadOnlySpan<byte> rgb);

    /// <summary>Flushes and closes; errors of the writer (e.g. ffmpeg failing) surface here.</summary>
    void Complete();
}
