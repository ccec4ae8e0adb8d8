using Sim2Real.Robotics.Actions;
using Sim2Real.Robotics.Observations;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Pipeline;

/// <summary>The loop computes what training computes: the shared observation builder and the shared action mapping.</summary>
public class ContractTests
{
    [Fact]
    public void Commands_are_the_shared_action_mapping_of_each_action_once_per_control_period()
    {
        // A blocked arm at home: the measured pose is exactly home, so a reference mapping can start where the loop does.
        var options = LoopHarness.Arm(w => w with { TrackingError = null, Frozen = null });
        var actions = new List<float[]>();
        var policy = new FakePolicy(options.Layout.Size, 6, (k, _) =>
        {
            var a = Enumerable.Range(0, 6).Select(i => (float)(0.9 * Math.Sin((0.3 * k) + i))).ToArray();
            actions.Add(a);
            return a;
        });
        using var h = new LoopHarness(options, policy);
        var robot = h.Robot();
        robot.Blocked = true;
        h.Loop.Start();
        robot.Start();
        h.At(0.005, () => h.Target.OnNext(new PointStamped()));
        DateTimeOffset episodeAt = default;
        h.At(0.5, () =>
        {
            episodeAt = h.Scheduler.Now;
            h.Loop.BeginEpisode(1);
        });

        h.RunTo(2.0);

        var commands = h.Outputs.CommandsAfter(episodeAt).Select(c => c.Targets).ToList();
        var firstAction = actions.Count - (commands.Count / 2) - (commands.Count % 2);
        var reference = new ActionMapper(Repo.Arm6, "reference");
        reference.Reset(Repo.Arm6.Home());
        var commanded = new float[6];
        var targets = new double[6];
        for (var c = 0; c < commands.Count; c++)
        {
            reference.Map(actions[firstAction + (c / 2)], commanded, targets);
            Assert.Equal(targets, commands[c]);
        }

        Assert.True(commands.Count > 60);
    }

    [Fact]
    public void Observations_are_the_shared_builder_over_the_latest_readings()
    {
        var options = LoopHarness.Arm(w => w with { TrackingError = null, Frozen = null });
        using var h = new LoopHarness(options, LoopHarness.Constant(options, 0.2f, -0.1f, 0.3f, 0, 0.5f, -0.4f));
        var robot = h.Robot();
        robot.Blocked = true;
        h.Loop.Start();
        robot.Start();
        h.At(0.005, () => h.Target.OnNext(new PointStamped { Point = new Point { X = 0.35, Y = -0.1, Z = 0.25 } }));

        h.RunTo(1.0);

        var inputs = new ObservationInputs(6);
        Repo.Arm6.Home().CopyTo(inputs.JointPositions, 0);
        float[] clamped = [0.2f, -0.1f, 0.3f, 0, 0.5f, -0.4f];
        clamped.CopyTo(inputs.PreviousAction, 0);
        inputs.Target[0] = 0.35;
        inputs.Target[1] = -0.1;
        inputs.Target[2] = 0.25;
        var expected = new float[options.Layout.Size];
        new ObservationBuilder(options.Layout, Repo.Arm6).Build(inputs, expected);
        Assert.Equal(expected, h.Policy.Seen[^1].State);
        Assert.Equal(expected, h.Outputs.Ticks[^1].Observation);
        // The first tick after arming sees no previous action, as a training episode starts.
        Assert.All(options.Layout.Slice(h.Policy.Seen[0].State, "previous_action").ToArray(), v => Assert.Equal(0, v));
    }

    [Fact]
    public void The_policy_acts_once_per_policy_period()
    {
        var (h, _) = Scenario.Arm(act: Scenario.Moving(6));
        using var _ = h;

        h.RunTo(10.0);

        // 10 s at a 40 ms policy period, less the first tick waiting for inputs.
        Assert.InRange(h.Policy.Seen.Count, 248, 250);
        Assert.Equal(h.Policy.Seen.Count, h.Outputs.Ticks.Count);
        Assert.All(h.Outputs.Ticks, t => Assert.False(t.DeadlineMissed));
        Assert.True(h.Outputs.Ticks.Select(t => t.Tick).SequenceEqual(h.Outputs.Ticks.Select((_, i) => (ulong)i)));
    }
}
