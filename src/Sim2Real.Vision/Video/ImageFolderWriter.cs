using System.Globalization;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision.Video;

/// <summary>
/// Writes frames as numbered PNG files, <c>frame_000000.png</c>, ..., which <see cref="Capture.CaptureSource"/>
/// reads back as a folder source. Each file is complete once written; fill a temporary folder and rename it
/// (Sim2Real.Files.AtomicDirectory) for an atomic output.
/// </summary>
public sealed class ImageFolderWriter : IFrameWriter
{
    /// <summary>The files this writer makes, as a glob.</summary>
    public const string Pattern = "frame_*.png";

    public ImageFolderWriter(string folder, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"{folder}: frames need a positive size, got {width}x{height}");
        }

        Directory.CreateDirectory(folder);
        Folder = folder;
        Width = width;
        Height = height;
    }

    public string Folder { get; }

    public int Width { get; }

    public int Height { get; }

    public long FramesWritten { get; private set; }

    /// <exception cref="ImageFileException">The file cannot be written; names it.</exception>
    public void Write(Image frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Width != Width || frame.Height != Height)
        {
            throw new ArgumentException($"{Folder}: frame is {frame.Width}x{frame.Height}, the frames are {Width}x{Height}", nameof(frame));
        }

        ImageCodec.Write(Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"frame_{FramesWritten:D6}.png")), frame);
        FramesWritten++;
    }

    // Each frame is a complete file once written: nothing is buffered, nothing to flush or release.
    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
