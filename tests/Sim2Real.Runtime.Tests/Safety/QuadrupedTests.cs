using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class QuadrupedTests
{
    [Fact]
    public void Quadruped_goes_to_damping_when_base_tilt_exceeds_limit()
    {
        var (h, robot, state) = Scenario.Quad(act: Scenario.Moving(12, 0.2));
        using var _ = h;
        h.At(2.0005, () => state.RollRad = 1.2);

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.BaseTilt);
        Assert.InRange(trip.Reaction(), 0, 0.02);
        Assert.Contains("roll 1.2", trip.Reason, StringComparison.Ordinal);
        var damping = h.Outputs.GainWrites.First(g => g.At >= trip.CommandedAt());
        Assert.Equal(trip.CommandedAt(), damping.At);
        Assert.All(damping.Kp, kp => Assert.Equal(0, kp));
        Assert.All(damping.Kd, kd => Assert.Equal(2.0, kd));
        // Limp: position targets follow the measured pose, so nothing jumps when gains come back.
        Assert.Equal(robot.Positions, h.Outputs.Commands[^1].Targets);
    }

    [Fact]
    public void Restores_robot_yaml_gains_before_the_first_command()
    {
        var (h, _, _) = Scenario.Quad();
        using var _ = h;

        h.RunTo(1.0);

        var first = h.Outputs.GainWrites[0];
        Assert.True(first.At <= h.Outputs.Commands[0].At);
        Assert.Equal(Repo.Quad12.Joints.Select(j => j.KpNmPerRad), first.Kp);
        Assert.Equal(Repo.Quad12.Joints.Select(j => j.KdNmSPerRad), first.Kd);
    }

    [Fact]
    public void Quadruped_goes_to_damping_on_a_fall()
    {
        var (h, _, state) = Scenario.Quad();
        using var _ = h;
        h.At(2.0, () => state.HeightM = 0.08);

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.Fall);
        Assert.InRange(trip.Reaction(), 0, 0.02);
    }

    [Fact]
    public void Quadruped_goes_to_damping_when_no_foot_touches_the_ground()
    {
        var (h, _, state) = Scenario.Quad();
        using var _ = h;
        h.At(2.0, () => state.InContact = false);

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.FootContact);
        Assert.InRange(trip.Reaction(), 0, 0.02);
        Assert.InRange(trip.DetectedS - 1002.0, 0.28, 0.31);
        Assert.DoesNotContain(RuleNames.FootContactsStale, h.TrippedRules());
    }

    [Fact]
    public void The_damping_gains_are_repeated_while_tripped()
    {
        var (h, _, state) = Scenario.Quad();
        using var _ = h;
        h.At(1.0, () => state.HeightM = 0.05);

        h.RunTo(4.0);

        var damping = h.Outputs.GainWrites.Where(g => g.Kp.All(kp => kp == 0)).ToList();
        Assert.InRange(damping.Count, 3, 4);
    }
}
