using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class NonFiniteActionTests
{
    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Never_publishes_a_non_finite_action(float bad)
    {
        var moving = Scenario.Moving(6);
        var (h, robot) = Scenario.Arm(act: (k, o) =>
        {
            var a = moving(k, o);
            if (k >= 40)
            {
                a[3] = bad;
            }

            return a;
        });
        using var _ = h;

        h.RunTo(4.0);

        Assert.All(h.Outputs.Commands, c => Assert.All(c.Targets, t => Assert.True(double.IsFinite(t), "a non-finite target reached the command topic")));
        var trip = h.Tripped(RuleNames.NonFiniteAction);
        Assert.Equal(0, trip.Reaction());
        Assert.Contains("wrist_pitch", trip.Reason, StringComparison.Ordinal);
        Assert.True(h.Outputs.CommandsAfter(trip.CommandedAt()).Count() >= 100, "the safe action must keep going out every control period");
        // The policy keeps being fed nothing after the trip: a tripped loop runs no inference.
        Assert.Equal(41, h.Policy.Seen.Count);
    }

    [Fact]
    public void A_policy_that_throws_trips_policy_error_and_holds()
    {
        var (h, _) = Scenario.Arm(act: (k, _) => k < 10 ? new float[6] : throw new InvalidDataException("observation has 3 values, the network wants 30"));
        using var __ = h;

        h.RunTo(2.0);

        var trip = h.Tripped(RuleNames.PolicyError);
        Assert.Contains("the network wants 30", trip.Reason, StringComparison.Ordinal);
        Assert.Equal(0, trip.Reaction());
    }
}
