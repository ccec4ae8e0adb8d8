using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision.Video;

/// <summary>Takes a sequence of frames of one size and writes them out: a video file, or a folder of numbered images.</summary>
public interface IFrameWriter : IDisposable
{
    int Width { get; }

    int Height { get; }

    long FramesWritten { get; }

    /// <summary>Appends a frame; RGB, BGR and grey frames are all taken.</summary>
    /// <exception cref="ArgumentException">The frame is not the writer's size.</exception>
    void Write(Image frame);

    /// <summary>Finishes the output: only after it returns is the file or folder complete; the writer's errors surface here.</summary>
    void Complete();
}
