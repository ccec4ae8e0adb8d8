using Sim2Real.Core;
using Sim2Real.Learning.DrQV2;

namespace Sim2Real.Learning.Tests.DrQV2;

public class DrQV2ConfigTests
{
    [Fact]
    public void Defaults_are_the_reference_hyperparameters()
    {
        var c = new DrQV2Config().Validate();
        Assert.Equal(1e-4, c.LearningRate);
        Assert.Equal(256, c.BatchSize);
        Assert.Equal(3, c.NStep);
        Assert.Equal(0.99, c.Discount);
        Assert.Equal(50, c.FeatureDim);
        Assert.Equal(1024, c.HiddenDim);
        Assert.Equal(0.01, c.CriticTargetTau);
        Assert.Equal(2, c.UpdateEverySteps);
        Assert.Equal(0.3, c.StddevClip);
        Assert.Equal(2000, c.NumExplSteps);
    }

    [Fact]
    public void Out_of_range_value_names_the_field()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new DrQV2Config { Discount = 1.5 }.Validate("agent.yaml"));
        Assert.Equal("discount", e.Field);
        Assert.Equal("agent.yaml", e.Origin);
    }

    [Fact]
    public void Malformed_schedule_names_the_field()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new DrQV2Config { StddevSchedule = "linear(1,2)" }.Validate());
        Assert.Equal("stddev_schedule", e.Field);
    }
}
