namespace Sim2Real.Replay.Logs;

/// <summary>
/// Which topics of a deployment log a replay reads. The defaults are the runtime's (docs/messages.md); a launch file
/// that remapped them is matched by giving the remapped names.
/// </summary>
public sealed record ReplayTopics
{
    public string PolicyTick { get; init; } = "/policy/tick";

    public string JointStates { get; init; } = "/joint_states";

    /// <summary>The joint position targets the runtime published (forward_command_controller's input).</summary>
    public string Commands { get; init; } = "/forward_position_controller/commands";

    /// <summary>A floating-base robot's pose and velocity: its initial value starts the simulated base.</summary>
    public string Odometry { get; init; } = "/odom";

    public string WatchdogEvents { get; init; } = "/watchdog/events";

    /// <summary>The simulated robot's episode resets (std_msgs/Empty): each starts an episode from home.</summary>
    public string SimReset { get; init; } = "/sim/reset";
}
