using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Safety;

public class SensorNoiseTests
{
    [Fact]
    public void Sensor_noise_trips_nothing_on_the_arm()
    {
        // Twice the position noise arm6 was trained with (0.005 rad), on a moving arm, for 20 s.
        var (h, robot) = Scenario.Arm(act: Scenario.Moving(6, 0.5));
        using var _ = h;
        robot.NoiseRad = 0.01;

        h.RunTo(20.0);

        Assert.True(h.NoTrips(), string.Join("; ", h.Loop.TripHistory));
        Assert.Equal(0, h.Loop.Statistics.DeadlineMisses);
        Assert.InRange(h.Outputs.Commands.Count, (20.0 / 0.02) - 3, 20.0 / 0.02);
    }

    [Fact]
    public void Sensor_noise_trips_nothing_on_the_quadruped()
    {
        var (h, robot, state) = Scenario.Quad(act: Scenario.Moving(12, 0.3));
        using var _ = h;
        robot.NoiseRad = 0.02;
        var noise = new Random(3);
        h.Scheduler.SchedulePeriodic(TimeSpan.FromMilliseconds(10), () =>
        {
            state.RollRad = 0.05 * ((2 * noise.NextDouble()) - 1);
            state.HeightM = 0.3 + (0.01 * ((2 * noise.NextDouble()) - 1));
        });

        h.RunTo(20.0);

        Assert.True(h.NoTrips(), string.Join("; ", h.Loop.TripHistory));
    }
}
