namespace Sim2Real.Runtime.Launch;

/// <summary>
/// <c>simulator:</c> says the robot is <c>sim serve</c>: <c>launch</c> starts it with these settings, and
/// <c>deploy --episodes</c> may drive its episodes (/sim/reset, /task/metrics). Absent for a physical robot.
/// </summary>
public sealed record SimulatorSection
{
    /// <summary>The task sim serve runs (reach, walk, ...).</summary>
    public string? Task { get; init; }

    /// <summary>The world sim serve simulates (<c>--world</c>): nominal, randomized, real-like, or one robot.yaml defines.</summary>
    public string World { get; init; } = "nominal";

    /// <summary>
    /// For a velocity-tracking task: [vx m/s, vy m/s, yaw rate rad/s] that <c>launch</c> publishes on the task command
    /// topic (latched), standing in for an operator's teleop. Null publishes none.
    /// </summary>
    public double[]? VelocityCommand { get; init; }

    /// <summary>Run seed of the episodes' worlds (EpisodeSeeds), the same seeds <c>sim play</c> takes.</summary>
    public int Seed { get; init; }
}
