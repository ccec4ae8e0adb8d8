using System.Globalization;
using Sim2Real.Robotics.Observations;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.EndToEnd;

/// <summary>
/// The quadruped end to end: launch serves quad12 walking (sim serve in its own process) and deploys a policy on it,
/// recording; then replay sim puts the log's first state, floating base included, into the nominal simulator and
/// replays the logged commands: the nominal world must come back within replay's near-zero bound.
/// </summary>
public sealed class QuadrupedDeploymentTests : IDisposable
{
    private const double NominalPositionBoundRad = 1e-6;   // as for the arm (Sim2Real.Replay.Tests' SimReplayTests)
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(300);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_quadruped_deployment_log_replays_in_the_nominal_simulator_within_the_bound()
    {
        var policy = TinyPolicy.Write(_dir.File("policy"), Repo.Quad12, ObservationLayouts.Walk);
        var launch = Repo.LaunchCopy("quad12_walk_sim.yaml", _dir.File("quad12_walk_e2e.yaml"), policy);
        var log = _dir.File("quad.mcap");
        var divergence = _dir.File("divergence.csv");

        using var deploy = CliProcess.Start(RosDomain.Fresh(), "launch", launch, "--duration", "2", "--record-to", log);
        var code = await deploy.ExitAsync(Bound);
        Assert.True(code == 0, deploy.Output);
        Assert.Contains("[sim serve] serving quad12/walk", deploy.Output, StringComparison.Ordinal);

        using var replay = CliProcess.Start(RosDomain.Fresh(), "replay", "sim", log, "--episode", "0", "--out", divergence);
        Assert.True(await replay.ExitAsync(Bound) == 0, replay.Output);

        var rows = File.ReadLines(divergence).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.True(rows.Count > 12 * 100, $"{rows.Count} rows");
        var error = rows.Max(r => Math.Abs(double.Parse(r[4], CultureInfo.InvariantCulture)));
        Assert.True(error <= NominalPositionBoundRad, $"max position error {error} rad\n{replay.Output}");
        // The legs did move under the commands: the bound is not met by a robot standing still.
        var thigh = rows.Where(r => r[1] == "FL_thigh").Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToList();
        Assert.True(thigh.Max() - thigh.Min() > 0.01, $"FL_thigh moved {thigh.Max() - thigh.Min()} rad");
    }

    public void Dispose() => _dir.Dispose();
}
