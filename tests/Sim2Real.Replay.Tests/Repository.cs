using Sim2Real.Sim.Robots;

namespace Sim2Real.Replay.Tests;

/// <summary>The repository's robots, found above the test assembly.</summary>
internal static class Repository
{
    public static RobotConfig Arm6 { get; } = RobotCatalog.Discover().Load("arm6");
}
