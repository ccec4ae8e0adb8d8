using Sim2Real.Robotics.Observations;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.EndToEnd;

/// <summary>
/// What the two-process tests share: an arm6 reach policy file (a fresh agent: the tests are about the runtime's
/// answers, not the policy's skill) and a launch file for `sim serve --clock sim` that points at it.
/// </summary>
public sealed class SimulatedArm : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SimulatedArm()
    {
        Policy = TinyPolicy.Write(_dir.File("policy"), Repo.Arm6, ObservationLayouts.Reach);
        // The shipped arm6_reach_sim.yaml with this policy; tracking_error is wider because an untrained policy
        // throws its targets about, and this file is about the faults sim serve injects.
        Launch = Repo.LaunchCopy("arm6_reach_sim.yaml", _dir.File("arm6_reach_e2e.yaml"), Policy,
            ("tracking_error: { limit_rad: 0.6, duration_s: 0.5 }", "tracking_error: { limit_rad: 2.0, duration_s: 1.0 }"));
    }

    public string Policy { get; }

    public string Launch { get; }

    public string PathOf(string name) => _dir.File(name);

    /// <summary>sim serve for the arm in lockstep sim time; the long command wait keeps lockstep on a loaded machine.</summary>
    public static string[] ServeArgs(params string[] faults) =>
        ["sim", "serve", "--robot", "arm6", "--task", "reach", "--clock", "sim", "--no-cameras", "--sim-timeout-ms", "2000", .. faults.SelectMany(f => new[] { "--fault", f })];

    public void Dispose() => _dir.Dispose();
}
