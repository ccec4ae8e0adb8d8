namespace Sim2Real.Vision.Capture;

/// <summary>A source could not be (re)opened within its reconnect attempts, or stopped delivering frames.</summary>
public sealed class CaptureSourceLostException : Exception
{
    public CaptureSourceLostException(string message)
        : base(message)
    {
    }

    public CaptureSourceLostException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
