namespace Sim2Real.Runtime.Launch;

/// <summary>
/// <c>camera:</c> for a pixel policy: which camera, its calibration (ROS camera_info YAML from <c>calibrate
/// intrinsics</c>, which is what undistorts; omit it for an ideal simulated camera), and its topics (default
/// /&lt;name&gt;/image_raw and /&lt;name&gt;/camera_info, sensor data QoS).
/// </summary>
public sealed record CameraSection
{
    public string? Name { get; init; }

    /// <summary>Relative to the launch file.</summary>
    public string? Calibration { get; init; }

    public TopicSpec? Image { get; init; }

    public TopicSpec? Info { get; init; }
}
