namespace Sim2Real.Sim.Bindings;

/// <summary>MuJoCo raised an error (mju_error) during a call; the message is MuJoCo's, prefixed with the call and model.</summary>
public class MuJoCoException : Exception
{
    public MuJoCoException(string message)
        : base(message)
    {
    }

    public MuJoCoException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public MuJoCoException()
    {
    }
}
