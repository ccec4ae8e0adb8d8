namespace Sim2Real.Sim.Playback;

/// <summary>MP4 output needs the ffmpeg program, which is not on PATH.</summary>
public sealed class FfmpegNotFoundException : Exception
{
    public FfmpegNotFoundException(string output)
        : base($"{output}: writing MP4 needs the 'ffmpeg' program on PATH (Debian: apt-get install ffmpeg, or run scripts/setup); write PNG frames instead by giving a folder")
    {
    }

    public FfmpegNotFoundException()
    {
    }

    public FfmpegNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
