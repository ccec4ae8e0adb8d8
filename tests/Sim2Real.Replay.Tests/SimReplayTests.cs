using Sim2Real.Core;
using Sim2Real.Replay.Gap;
using Sim2Real.Replay.Logs;
using Sim2Real.Replay.Simulation;

namespace Sim2Real.Replay.Tests;

public sealed class SimReplayTests : IDisposable
{
    /// <summary>
    /// The near-zero-divergence bound: a log of the nominal world replayed in the nominal simulator stays within
    /// 1e-6 rad (position) and 1e-4 rad/s (velocity) RMSE on every joint. What is left is floating-point noise: the
    /// same model stepped from the same state with the same targets at the same physics steps.
    /// </summary>
    public const double NominalPositionBoundRad = 1e-6;

    public const double NominalVelocityBoundRadS = 1e-4;

    private readonly TempDirectory _dir = new();

    [Fact]
    public void A_nominal_log_replayed_in_the_nominal_simulator_stays_within_the_bound()
    {
        SimulatedRun.Write(_dir.File("nominal.mcap"), SimulatedRun.Nominal);

        var result = SimReplay.Run(DeploymentLog.Read(_dir.File("nominal.mcap")), Repository.Arm6);

        Assert.Equal(150, result.Samples);
        Assert.Equal(75, result.CommandsApplied);
        Assert.All(result.PositionRmse(), r => Assert.InRange(r, 0, NominalPositionBoundRad));
        Assert.All(result.VelocityRmse(), r => Assert.InRange(r, 0, NominalVelocityBoundRadS));
        // The robot did move: the bound is not met by a robot standing still.
        Assert.True(result.LoggedPosition.Max(q => q[0]) - result.LoggedPosition.Min(q => q[0]) > 0.3);
    }

    [Fact]
    public void A_real_like_log_diverges_far_beyond_the_nominal_bound()
    {
        SimulatedRun.Write(_dir.File("real.mcap"), SimulatedRun.RealLike);

        var result = SimReplay.Run(DeploymentLog.Read(_dir.File("real.mcap")), Repository.Arm6);

        Assert.True(result.PositionRmse().Max() > 1000 * NominalPositionBoundRad, string.Join(", ", result.PositionRmse()));
    }

    [Fact]
    public void Refuses_commands_that_do_not_fit_the_robot_naming_the_record()
    {
        using (var log = new DeploymentLogWriter(_dir.File("short.mcap"), "arm6"))
        {
            var names = Repository.Arm6.Spec.JointNames;
            log.JointState(LogTime.At(0), names, new double[6], new double[6]);
            log.Command(LogTime.At(0.01), [0.1, 0.2]);
        }

        var e = Assert.Throws<InvalidConfigException>(() => SimReplay.Run(DeploymentLog.Read(_dir.File("short.mcap")), Repository.Arm6));

        Assert.Contains("/forward_position_controller/commands: record 0 holds 2 targets; robot 'arm6' has 6 joints", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_log_without_commands_naming_the_topic()
    {
        using (var log = new DeploymentLogWriter(_dir.File("states.mcap"), "arm6"))
        {
            log.JointState(LogTime.At(0), Repository.Arm6.Spec.JointNames, new double[6], new double[6]);
        }

        var e = Assert.Throws<InvalidConfigException>(() => SimReplay.Run(DeploymentLog.Read(_dir.File("states.mcap")), Repository.Arm6));

        Assert.Contains("/forward_position_controller/commands: no messages on this topic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gap_report_separates_the_nominal_and_real_like_worlds()
    {
        SimulatedRun.Write(_dir.File("nominal.mcap"), SimulatedRun.Nominal);
        SimulatedRun.Write(_dir.File("real.mcap"), SimulatedRun.RealLike);
        var nominal = GapAnalysis.Analyze(SimReplay.Run(DeploymentLog.Read(_dir.File("nominal.mcap")), Repository.Arm6));
        var real = GapAnalysis.Analyze(SimReplay.Run(DeploymentLog.Read(_dir.File("real.mcap")), Repository.Arm6));

        var files = GapReport.Write([nominal, real], _dir.File("gap"));

        Assert.InRange(nominal.PositionRmseAll, 0, NominalPositionBoundRad);
        Assert.True(real.PositionRmseAll > 1000 * NominalPositionBoundRad);
        Assert.True(real.GrowthRadPerS > nominal.GrowthRadPerS);
        // The real-like world adds 20 ms of latency and slower servos: the log shows it, the nominal one does not.
        Assert.InRange(real.LoggedLatencyMedianS - nominal.LoggedLatencyMedianS, 0.015, 0.2);
        Assert.Equal(nominal.LoggedLatencyMedianS, nominal.SimulatedLatencyMedianS, 6);
        Assert.Equal(["report.md", "gap.json", "divergence.png", "joint_rmse.png", "latency.png", "trajectory_1.png", "trajectory_2.png"], files);
        foreach (var png in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            Assert.Equal([0x89, 0x50, 0x4e, 0x47], File.ReadAllBytes(Path.Combine(_dir.File("gap"), png))[..4]);
        }

        var report = File.ReadAllText(Path.Combine(_dir.File("gap"), "report.md"));
        Assert.Contains("| figure | nominal (nominal.mcap) | real_like (real.mcap) |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gap_report_never_overwrites_an_existing_directory()
    {
        SimulatedRun.Write(_dir.File("nominal.mcap"), SimulatedRun.Nominal);
        var figures = GapAnalysis.Analyze(SimReplay.Run(DeploymentLog.Read(_dir.File("nominal.mcap")), Repository.Arm6));
        Directory.CreateDirectory(_dir.File("gap"));
        File.WriteAllText(Path.Combine(_dir.File("gap"), "keep.txt"), "mine");

        var e = Assert.Throws<InvalidConfigException>(() => GapReport.Write([figures], _dir.File("gap")));

        Assert.Contains("exists and is not empty", e.Message, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFiles(_dir.File("gap")).Select(Path.GetFileName));
        Assert.Equal(["gap", "nominal.mcap"], Directory.EnumerateFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order());
    }

    public void Dispose() => _dir.Dispose();
}
