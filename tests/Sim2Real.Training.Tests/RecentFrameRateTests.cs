namespace Sim2Real.Training.Tests;

public sealed class RecentFrameRateTests
{
    [Fact]
    public void A_steady_run_reads_its_rate()
    {
        var rate = new RecentFrameRate(startFrame: 1000);
        double fps = 0;
        for (var t = 1; t <= 10; t++)
        {
            fps = rate.Update(1000 + (150 * t), t);
        }

        Assert.Equal(150, fps, 9);
    }

    [Fact]
    public void After_seeding_the_rate_follows_the_slow_update_phase_within_minutes()
    {
        var rate = new RecentFrameRate(startFrame: 0);
        long frame = 0;
        double t = 0, fps = 0;
        for (; t < 20; t++)
        {
            frame += 200;
            fps = rate.Update(frame, t + 1);
        }

        Assert.Equal(200, fps, 6);
        for (var i = 0; i < 60; i++)
        {
            frame += 5;
            t += 5;
            fps = rate.Update(frame, t + 1);
        }

        Assert.InRange(fps, 1.0, 1.01);
    }

    [Fact]
    public void No_time_passed_keeps_the_last_rate() =>
        Assert.Equal(0, new RecentFrameRate(0).Update(10, 0));
}
