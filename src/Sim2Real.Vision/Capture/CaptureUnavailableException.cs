namespace Sim2Real.Vision.Capture;

/// <summary>One attempt to open or read a source failed; retried by the reconnect policy.</summary>
internal sealed class CaptureUnavailableException : Exception
{
    public CaptureUnavailableException(string message)
        : base(message)
    {
    }

    public CaptureUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
