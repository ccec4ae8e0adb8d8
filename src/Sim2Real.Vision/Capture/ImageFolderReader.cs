using Sim2Real.Core.Imaging;
namespace Sim2Real.Vision.Capture;

/// <summary>The image files of a folder in ordinal name order (frame_0001.png, ...), decoded with OpenCV.</summary>
internal sealed class ImageFolderReader : IFrameReader
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".ppm", ".pgm",
    };

    private readonly string[] _files;
    private int _next;

    public ImageFolderReader(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new CaptureUnavailableException($"{folder}: no such folder");
        }

        _files = Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public int Count => _files.Length;

    public bool Grab() => _next++ < _files.Length;

    /// <exception cref="ImageFileException">The file is not a readable image; names it.</exception>
    public Image Retrieve() => ImageCodec.Read(_files[_next - 1]);

    public void Dispose()
    {
    }
}
