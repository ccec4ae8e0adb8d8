namespace Sim2Real.SimRobot.Serving;

/// <summary>What became of the command messages received (forward, trajectory and gains), as the robot counts them.</summary>
public sealed class CommandCounters
{
    public long Accepted { get; internal set; }

    /// <summary>Accepted messages with at least one value clamped to the joint limits.</summary>
    public long Clamped { get; internal set; }

    public long DroppedNonFinite { get; internal set; }

    public long DroppedWrongSize { get; internal set; }

    public long DroppedMalformed { get; internal set; }

    public long Dropped => DroppedNonFinite + DroppedWrongSize + DroppedMalformed;

    public long GainsAccepted { get; internal set; }

    public long FaultsRejected { get; internal set; }
}
