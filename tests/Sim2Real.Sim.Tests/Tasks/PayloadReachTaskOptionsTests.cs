using Sim2Real.Core;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Tasks;

namespace Sim2Real.Sim.Tests.Tasks;

/// <summary>reach_payload's settings are the reach task's, plus its own; a bad reach field is named under its section.</summary>
public class PayloadReachTaskOptionsTests
{
    [Fact]
    public void The_reach_part_keeps_reach_payload_defaults_of_6_s_a_2_cm_radius_and_a_5_cm_proximity_scale()
    {
        var reach = new PayloadReachTaskOptions().Reach;

        Assert.Equal((300, 0.02, 0.05, 1.0, 1.0), (reach.EpisodeControlSteps, reach.SuccessRadiusM, reach.ProximityScale, reach.ProximityWeight, reach.SuccessBonus));
        Assert.Equal(new ReachTaskOptions() with { EpisodeControlSteps = 300, SuccessRadiusM = 0.02, ProximityScaleM = 0.05 }, reach);
    }

    [Fact]
    public void Plain_reach_scales_its_proximity_term_by_the_success_radius()
    {
        Assert.Equal(0.05, new ReachTaskOptions().ProximityScale);
        Assert.Equal(0.07, new ReachTaskOptions { SuccessRadiusM = 0.07 }.ProximityScale);
    }

    [Theory]
    [InlineData("reach_payload.success_radius_m")]
    [InlineData("reach_payload.proximity_scale_m")]
    [InlineData("reach_payload.target_z_m")]
    public void A_bad_reach_field_of_the_payload_task_is_named_under_reach_payload(string field)
    {
        var reach = new PayloadReachTaskOptions().Reach;
        var bad = field switch
        {
            "reach_payload.success_radius_m" => reach with { SuccessRadiusM = 0 },
            "reach_payload.proximity_scale_m" => reach with { ProximityScaleM = -1 },
            _ => reach with { TargetZM = new Interval(-1, 0.2) },
        };

        var e = Assert.Throws<InvalidConfigException>(() => new EnvironmentOptions { PayloadReachTask = new PayloadReachTaskOptions { Reach = bad } }.Validate());

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_bad_reach_field_of_the_reach_task_is_named_under_reach()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new EnvironmentOptions { ReachTask = new ReachTaskOptions { EpisodeControlSteps = 0 } }.Validate());

        Assert.Equal("reach.episode_control_steps", e.Field);
    }
}
