namespace Sim2Real.Learning.Policies;

/// <summary>A file is not a policy this build can run; the message names the file and what to do.</summary>
public sealed class PolicyFileException : Exception
{
    public PolicyFileException(string message)
        : base(message)
    {
    }

    public PolicyFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
