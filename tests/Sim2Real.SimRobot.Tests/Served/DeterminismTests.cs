using Sim2Real.Sim.Robots;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>
/// Lockstep is reproducible: the same seed and a client answering within the timeout give the same trajectory,
/// bit for bit, in two runs of the served robot (here side by side in two namespaces), with randomization, random
/// pushes and sensor noise on.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task Two_lockstep_runs_with_the_same_seed_and_a_prompt_client_follow_the_same_trajectory()
    {
        var first = Run("/run_a");
        var second = Run("/run_b");
        var (a, b) = (await first, await second);

        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i]);
        }
    }

    private static async Task<double[][]> Run(string ns)
    {
        using var robot = await ServedRobot.StartAsync("--robot", "quad12", "--world", "randomized", "--clock", "sim", "--seed", "9",
            "--sim-timeout-ms", "600000", "--no-cameras", "--ros-args", "-r", "__ns:=" + ns, "-r", $"/clock:={ns}/clock");
        using var client = await RobotClient.ConnectAsync(ns);
        var home = RobotCatalog.Discover().Load("quad12").Spec.Home();
        var trajectory = new List<double[]>();
        var reading = home;
        for (var k = 0; k < 60; k++)
        {
            // A feedback client: each target depends on the last reading, so any divergence would compound.
            var target = home.Select((h, j) => h + (0.15 * Math.Sin((0.2 * k) + j)) - (0.2 * (reading[j] - h))).ToArray();
            var state = await client.StepAsync(target);
            reading = state.Position;
            trajectory.AddRange(client.JointStates.Snapshot().Where(s => RobotClient.Stamp(s) > RobotClient.Stamp(state) - RobotClient.PeriodNs).Select(s => s.Position));
        }

        return [.. trajectory];
    }
}
