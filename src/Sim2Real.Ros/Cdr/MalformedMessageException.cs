namespace Sim2Real.Ros.Cdr;

/// <summary>Serialized bytes that do not decode as the expected message type (truncated, inconsistent, wrong type).</summary>
public sealed class MalformedMessageException : Exception
{
    public MalformedMessageException(string message)
        : base(message)
    {
    }
}
