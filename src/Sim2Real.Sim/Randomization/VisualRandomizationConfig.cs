using Sim2Real.Core;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Randomization;

/// <summary>Ranges for what the cameras see, sampled once per episode (image noise: every frame).</summary>
public sealed class VisualRandomizationConfig
{
    /// <summary>Uniform shift of each light's position along each axis, +/- this much.</summary>
    public double LightPositionJitterM { get; init; }

    /// <summary>Diffuse intensity of each light, the same for its three channels give or take 10%.</summary>
    public Interval LightDiffuse { get; init; } = new(0.5, 0.5);

    /// <summary>How many of the scene's lights are switched on, counted in MJCF order.</summary>
    public Interval LightCount { get; init; } = new(1, 1);

    /// <summary>Uniform shift of each geom colour channel, +/- this much (0..1 scale).</summary>
    public double GeomRgbJitter { get; init; }

    public double CameraPositionJitterM { get; init; }

    /// <summary>Small rotation of each camera about a random axis, up to this angle.</summary>
    public double CameraRotationJitterRad { get; init; }

    public double CameraFovyJitterDeg { get; init; }

    /// <summary>Gaussian noise added to every pixel, in 0..255 levels.</summary>
    public double ImageNoiseStd { get; init; }

    internal void Validate(string source, string field)
    {
        ConfigChecks.NonNegative(source, $"{field}.light_position_jitter_m", LightPositionJitterM);
        LightDiffuse.Validate(source, $"{field}.light_diffuse", 0, 1);
        LightCount.Validate(source, $"{field}.light_count", 0, 8);
        if (LightCount.Min != Math.Floor(LightCount.Min) || LightCount.Max != Math.Floor(LightCount.Max))
        {
            throw new InvalidConfigException(source, $"{field}.light_count", $"bounds count lights, got [{LightCount.Min}, {LightCount.Max}]");
        }

        ConfigChecks.NonNegative(source, $"{field}.geom_rgb_jitter", GeomRgbJitter);
        ConfigChecks.NonNegative(source, $"{field}.camera_position_jitter_m", CameraPositionJitterM);
        ConfigChecks.NonNegative(source, $"{field}.camera_rotation_jitter_rad", CameraRotationJitterRad);
        if (CameraFovyJitterDeg is < 0 or >= 45 || !double.IsFinite(CameraFovyJitterDeg))
        {
            throw new InvalidConfigException(source, $"{field}.camera_fovy_jitter_deg", $"must be in [0, 45), got {CameraFovyJitterDeg}");
        }

        if (ImageNoiseStd is < 0 or > 128 || !double.IsFinite(ImageNoiseStd))
        {
            throw new InvalidConfigException(source, $"{field}.image_noise_std", $"must be in [0, 128] pixel levels, got {ImageNoiseStd}");
        }
    }
}
