namespace Sim2Real.Vision;

/// <summary>An image file is missing, unreadable or not an image; the message names the file.</summary>
public sealed class ImageFileException : Exception
{
    public ImageFileException(string path, string problem)
        : base($"{path}: {problem}")
    {
        FilePath = path;
    }

    public ImageFileException(string path, string problem, Exception inner)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
    }

    public string FilePath { get; }
}
