using Sim2Real.Runtime.Tests.Support;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Runtime.Tests.Safety;

public class TrackingErrorTests
{
    [Fact]
    public void Trips_when_tracking_error_exceeds_limit()
    {
        // At 2 s the arm is blocked (an obstacle, a seized joint) and the policy asks for a far pose.
        var (h, robot) = Scenario.Arm(act: (k, _) => k < 45 ? new float[6] : [0.9f, 0, 0, 0, 0, 0]);
        using var _ = h;
        var published = h.RecordJointStates();
        // A blocked joint's encoder still shows noise; bit-identical readings would be a frozen sensor instead.
        robot.NoiseRad = 0.001;
        h.At(1.8, () => robot.Blocked = true);

        h.RunTo(4.0);

        var trip = h.Tripped(RuleNames.TrackingError);
        Assert.InRange(trip.Reaction(), 0, 0.02);
        Assert.Contains("shoulder_yaw", trip.Reason, StringComparison.Ordinal);
        // Detected 0.5 s after the error first passed 0.5 rad, at a joint_states sample.
        var firstOver = h.Outputs.Commands.First(c => c.At > h.Time(1.8) && Math.Abs(c.Targets[0] - Repo.Arm6.Home()[0]) > 0.5).At;
        Assert.InRange(trip.DetectedS - (firstOver - DateTimeOffset.UnixEpoch).TotalSeconds, 0.5, 0.5 + 0.011);
        // Blocked, the hold is the measured pose.
        Assert.Equal(published.Last(s => s.At <= trip.CommandedAt()).Positions[0], h.Outputs.Commands[^1].Targets[0], 9);
    }
}
