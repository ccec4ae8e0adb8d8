using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Checks;

namespace Sim2Real.Sim.Tests.Checks;

public class ModelCheckTests
{
    [Fact]
    public void A_well_behaved_model_passes_one_second_from_its_home_keyframe()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum, "pendulum.xml");

        var result = ModelCheck.Run(model);

        Assert.True(result.Passed, string.Join("; ", result.Warnings));
        Assert.Equal(500, result.Steps);
        Assert.Equal("home", result.StartKeyframe);
    }

    [Fact]
    public void A_model_that_blows_up_fails_with_the_warning_kind_and_message_and_still_ends()
    {
        using var model = MjModel.FromXmlString(TestModels.Exploding, "exploding.xml");

        var result = ModelCheck.Run(model, seconds: 0.1);

        Assert.False(result.Passed);
        Assert.Equal(50, result.Steps);
        Assert.Contains(result.Warnings, w => w.Kind == MjtWarning.mjWARN_BADQACC);
        Assert.Contains(result.Messages, m => m.Contains("QACC", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-0.002")]
    [InlineData("0")]
    public void A_model_whose_timestep_is_not_positive_is_refused_naming_the_option(string timestep)
    {
        using var model = MjModel.FromXmlString($"<mujoco><option timestep=\"{timestep}\"/><worldbody><body><joint type=\"hinge\"/><geom size=\"0.1\"/></body></worldbody></mujoco>", "backwards.xml");

        var error = Assert.Throws<Sim2Real.Core.InvalidConfigException>(() => ModelCheck.Run(model));

        Assert.Equal("option timestep", error.Field);
        Assert.Contains("backwards.xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_span_of_more_steps_than_a_check_runs_is_refused_before_stepping()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum, "pendulum.xml");

        var error = Assert.Throws<Sim2Real.Core.InvalidConfigException>(() => ModelCheck.Run(model, seconds: 1e12));

        Assert.Contains($"at most {ModelCheck.MaxSteps}", error.Message, StringComparison.Ordinal);
    }
}
