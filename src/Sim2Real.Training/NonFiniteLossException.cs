namespace Sim2Real.Training;

/// <summary>A loss became NaN or infinite; training stopped and the last good checkpoint was kept.</summary>
public sealed class NonFiniteLossException : Exception
{
    public NonFiniteLossException(long step, string loss, double value, string? lastCheckpoint)
        : base($"non-finite {loss} ({value}) at agent step {step}; training stopped. Last good checkpoint: {lastCheckpoint ?? "none written yet"}")
    {
        Step = step;
        Loss = loss;
        LastCheckpoint = lastCheckpoint;
    }

    public NonFiniteLossException()
        : this(0, "loss", double.NaN, null)
    {
    }

    public NonFiniteLossException(string message)
        : base(message)
    {
        Loss = "loss";
    }

    public NonFiniteLossException(string message, Exception inner)
        : base(message, inner)
    {
        Loss = "loss";
    }

    public long Step { get; }

    public string Loss { get; }

    public string? LastCheckpoint { get; }
}
