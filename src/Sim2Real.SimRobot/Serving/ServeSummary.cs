using System.Globalization;

namespace Sim2Real.SimRobot.Serving;

/// <summary>What a run of the served robot did, printed when it stops.</summary>
public sealed record ServeSummary(
    double RobotTimeS,
    long PhysicsSteps,
    long ControlPeriods,
    int Episodes,
    long JointStates,
    long Frames,
    long FramesSkipped,
    long SimClockTimeouts,
    long WallClockSlips,
    CommandCounters Commands,
    int FaultsStarted)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RobotTimeS:0.###} s of robot time: {PhysicsSteps} physics steps, {ControlPeriods} control periods, {Episodes} episode(s), {JointStates} joint_states, {Frames} camera frames ({FramesSkipped} skipped); commands: {Commands.Accepted} accepted ({Commands.Clamped} clamped), {Commands.Dropped} dropped ({Commands.DroppedNonFinite} non-finite, {Commands.DroppedWrongSize} wrong size, {Commands.DroppedMalformed} malformed); {FaultsStarted} fault(s); {SimClockTimeouts} lockstep timeouts, {WallClockSlips} wall-clock slips");
}
