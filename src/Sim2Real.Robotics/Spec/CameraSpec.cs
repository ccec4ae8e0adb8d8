using Sim2Real.Core;
using YamlDotNet.Serialization;

namespace Sim2Real.Robotics.Spec;

/// <summary>
/// A robot camera as a physical camera describes itself: name, resolution and pinhole intrinsics in
/// sensor_msgs/CameraInfo terms. A simulated camera is an ideal pinhole whose vertical field of view comes from the
/// MJCF (through kinematics.yaml); it renders at this resolution, and the policy's preprocessing takes it from there.
/// </summary>
public sealed record CameraSpec
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    /// <summary>Rendered (or captured) width in pixels. 84 keeps training as cheap as rendering straight to DrQ-v2's size.</summary>
    public int Width { get; init; } = 84;

    public int Height { get; init; } = 84;

    /// <summary>Vertical field of view from the MJCF camera; filled in from kinematics.yaml when the spec is loaded.</summary>
    [YamlIgnore]
    public double FovyDeg { get; init; }

    /// <summary>Focal length in pixels, square pixels: f = (h/2) / tan(fovy/2), as MuJoCo projects.</summary>
    public double FocalLengthPx => Height / 2.0 / Math.Tan(FovyDeg * Math.PI / 360);

    /// <summary>The principal point in OpenCV's pixel-index convention: the image centre, (w-1)/2 and (h-1)/2.</summary>
    public (double Cx, double Cy) PrincipalPoint => ((Width - 1) / 2.0, (Height - 1) / 2.0);

    /// <summary>camera_info's K, row-major 3x3.</summary>
    public double[] K
    {
        get
        {
            var f = FocalLengthPx;
            var (cx, cy) = PrincipalPoint;
            return [f, 0, cx, 0, f, cy, 0, 0, 1];
        }
    }

    /// <summary>camera_info's P, row-major 3x4 (monocular: [K | 0]).</summary>
    public double[] P
    {
        get
        {
            var k = K;
            return [k[0], 0, k[2], 0, 0, k[4], k[5], 0, 0, 0, 1, 0];
        }
    }

    internal void Validate(string source, string field)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidConfigException(source, $"{field}.name", "a camera needs a name");
        }

        if (!RosNames.IsValidToken(Name))
        {
            throw new InvalidConfigException(source, $"{field}.name", $"'{Name}' is not a valid ROS name token (letters, digits and underscores, not starting with a digit); it names topics /{Name}/image_raw");
        }

        if (Width is < 8 or > 8192 || Height is < 8 or > 8192)
        {
            throw new InvalidConfigException(source, $"{field}.width/height", $"must be 8..8192 pixels, got {Width}x{Height}");
        }
    }
}
