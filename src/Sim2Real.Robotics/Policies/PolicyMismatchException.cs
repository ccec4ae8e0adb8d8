namespace Sim2Real.Robotics.Policies;

/// <summary>A policy does not fit the robot or world it is loaded into; the message names the first mismatch.</summary>
public sealed class PolicyMismatchException : Exception
{
    public PolicyMismatchException(string message)
        : base(message)
    {
    }

    public PolicyMismatchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
