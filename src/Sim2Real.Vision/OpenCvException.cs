namespace Sim2Real.Vision;

/// <summary>OpenCV refused an operation; the message carries OpenCV's own text from the native layer.</summary>
public sealed class OpenCvException : Exception
{
    public OpenCvException(string message)
        : base(message)
    {
    }

    public OpenCvException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
