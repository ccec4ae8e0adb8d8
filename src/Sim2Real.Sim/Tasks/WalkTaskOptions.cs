using Sim2Real.Core;

namespace Sim2Real.Sim.Tasks;

/// <summary>Velocity-tracking locomotion settings; the command is sampled once per episode.</summary>
public sealed record WalkTaskOptions
{
    /// <summary>500 control steps at 50 Hz: 10 s.</summary>
    public int EpisodeControlSteps { get; init; } = 500;

    public Interval CommandVxMS { get; init; } = new(-0.4, 0.8);

    public Interval CommandVyMS { get; init; } = new(-0.3, 0.3);

    public Interval CommandYawRateRadS { get; init; } = new(-0.6, 0.6);

    /// <summary>The episode terminates when the torso drops below this height.</summary>
    public double MinTorsoHeightM { get; init; } = 0.14;

    /// <summary>Terminates when the torso's up axis tips below this world-z component (cos of the tilt).</summary>
    public double MinUprightCos { get; init; } = 0.4;

    /// <summary>Tracking within this speed error counts as success.</summary>
    public double SuccessSpeedErrorMS { get; init; } = 0.2;

    public void Validate(string source)
    {
        TaskOptionChecks.Steps(source, "walk.episode_control_steps", EpisodeControlSteps);
        CommandVxMS.Validate(source, "walk.command_vx_m_s", -5, 5);
        CommandVyMS.Validate(source, "walk.command_vy_m_s", -5, 5);
        CommandYawRateRadS.Validate(source, "walk.command_yaw_rate_rad_s", -10, 10);
        ConfigChecks.Positive(source, "walk.min_torso_height_m", MinTorsoHeightM);
        ConfigChecks.Positive(source, "walk.success_speed_error_m_s", SuccessSpeedErrorMS);
    }
}
