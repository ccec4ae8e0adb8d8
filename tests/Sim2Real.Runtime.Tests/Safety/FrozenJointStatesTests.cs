using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class FrozenJointStatesTests
{
    [Fact]
    public void Trips_when_joint_states_freeze_while_targets_move()
    {
        var (h, robot) = Scenario.Arm(act: Scenario.Moving(6));
        using var _ = h;
        h.At(2.0, () => robot.Frozen = true);

        h.RunTo(3.0);

        var trip = h.Tripped(RuleNames.JointStatesFrozen);
        Assert.InRange(trip.Reaction(), 0, 0.02);
        // Ten identical samples at 100 Hz: detectable about 0.1 s after the freeze, not before.
        Assert.InRange(trip.DetectedS - 1002.0, 0.08, 0.2);
        Assert.DoesNotContain(RuleNames.JointStatesStale, h.TrippedRules());
    }

    [Fact]
    public void A_still_robot_reporting_identical_positions_is_not_frozen()
    {
        // A quantized encoder on a robot at rest repeats itself; with targets still, that is no fault.
        var (h, robot) = Scenario.Arm();
        using var _ = h;
        h.At(2.0, () => robot.Frozen = true);

        h.RunTo(5.0);

        Assert.True(h.NoTrips(), string.Join("; ", h.Loop.TripHistory));
    }
}
