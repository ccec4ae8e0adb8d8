using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

/// <summary>
/// The requirement: from the moment a fault becomes detectable, the safe action is on the command topic within
/// one control period, wherever in the period the fault falls.
/// </summary>
public class ReactionTimeTests
{
    public static TheoryData<double> Phases => [0.0, 0.0031, 0.0077, 0.0100, 0.0139, 0.0199];

    [Theory]
    [MemberData(nameof(Phases))]
    public void A_stale_sensor_is_answered_within_one_control_period_whatever_its_phase(double phase)
    {
        var (h, robot) = Scenario.Arm(act: Scenario.Moving(6));
        using var _ = h;
        h.At(2.0 + phase, () => robot.Publishing = false);

        h.RunTo(3.0);

        Assert.InRange(h.Tripped(RuleNames.JointStatesStale).Reaction(), 0, 0.02);
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void An_e_stop_is_answered_the_moment_it_arrives_whatever_its_phase(double phase)
    {
        var (h, _) = Scenario.Arm(act: Scenario.Moving(6));
        using var _ = h;
        h.At(2.0 + phase, () => h.EStop.OnNext(true));

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.EStop);
        Assert.Equal(1002.0 + phase, trip.DetectedS, 6);
        Assert.Equal(0, trip.Reaction());
    }

    [Theory]
    [MemberData(nameof(Phases))]
    public void A_tilt_is_answered_by_the_sample_that_shows_it_whatever_its_phase(double phase)
    {
        var (h, _, state) = Scenario.Quad();
        using var _ = h;
        h.At(2.0 + phase, () => state.RollRad = -1.1);

        h.RunTo(3.0);

        Assert.InRange(h.Tripped(RuleNames.BaseTilt).Reaction(), 0, 0.02);
    }
}
