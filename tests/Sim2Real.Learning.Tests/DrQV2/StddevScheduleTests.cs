using Sim2Real.Learning.DrQV2;

namespace Sim2Real.Learning.Tests.DrQV2;

public class StddevScheduleTests
{
    [Fact]
    public void Constant_schedule_is_the_same_at_every_step()
    {
        var s = StddevSchedule.Parse("0.2");
        Assert.Equal(0.2, s.At(0));
        Assert.Equal(0.2, s.At(1_000_000));
    }

    [Fact]
    public void Linear_schedule_interpolates_then_holds_the_final_value()
    {
        var s = StddevSchedule.Parse("linear(1.0,0.1,500000)");
        Assert.Equal(1.0, s.At(0), 12);
        Assert.Equal(0.55, s.At(250_000), 12);
        Assert.Equal(0.1, s.At(500_000), 12);
        Assert.Equal(0.1, s.At(2_000_000), 12);
    }

    [Fact]
    public void Step_linear_schedule_has_two_segments()
    {
        var s = StddevSchedule.Parse("step_linear(1.0,0.5,100,0.1,200)");
        Assert.Equal(0.75, s.At(50), 12);
        Assert.Equal(0.5, s.At(100), 12);
        Assert.Equal(0.3, s.At(200), 12);
        Assert.Equal(0.1, s.At(400), 12);
    }

    [Fact]
    public void Unknown_schedule_text_is_rejected_with_the_forms_allowed()
    {
        var e = Assert.Throws<FormatException>(() => StddevSchedule.Parse("cosine(1,0,10)"));
        Assert.Contains("linear(init,final,duration)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", "a stddev must be a finite number at least 0, got -1")]
    [InlineData("NaN", "a stddev must be a finite number at least 0")]
    [InlineData("linear(1,-0.1,100)", "a stddev must be a finite number at least 0, got -0.1")]
    [InlineData("linear(1,0.1,-5)", "a duration must be a positive number of steps, got -5")]
    [InlineData("linear(1,0.1,0)", "a duration must be a positive number of steps, got 0")]
    [InlineData("step_linear(1.0,0.5,100,0.1,-1)", "a duration must be a positive number of steps, got -1")]
    public void A_negative_stddev_or_a_duration_that_is_not_positive_is_refused_saying_which(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => StddevSchedule.Parse(text));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
