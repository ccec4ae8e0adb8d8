namespace Sim2Real.Vision.Preprocessing;

/// <summary>A frame does not have the size the preprocessing was configured (and the policy trained) for.</summary>
public sealed class FrameSizeMismatchException : Exception
{
    public FrameSizeMismatchException(string message)
        : base(message)
    {
    }

    public FrameSizeMismatchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
