using System.Globalization;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Policies;

/// <summary>
/// Whether a policy may drive a robot or world: the same robot (by name), the same joints (by name), the same home
/// pose, action scale and action mode, the same policy period and camera size. The first mismatch is refused with
/// its name; a different content hash of the robot's files alone is only a warning (a comment or an unrelated
/// scene change should not ground a robot).
/// </summary>
public static class PolicyCompatibility
{
    private const double Tolerance = 1e-9;

    /// <param name="policy">Named in messages: the policy file.</param>
    /// <param name="actionRepeat">The world's action repeat; null takes the robot spec's.</param>
    /// <returns>Warnings (hash differences), for the caller to print.</returns>
    /// <exception cref="PolicyMismatchException">Names the first mismatch.</exception>
    public static IReadOnlyList<string> Check(PolicyManifest manifest, RobotSpec robot, string policy, int? actionRepeat = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(robot);
        if (manifest.Robot.Name != robot.Name)
        {
            throw new PolicyMismatchException($"{policy} was trained for robot '{manifest.Robot.Name}'; this is robot '{robot.Name}' ({robot.Source})");
        }

        var trained = manifest.Robot.Joints.Select(j => j.Name).ToList();
        JointMatching.Map(trained, robot.JointNames, $"policy {policy}", $"robot '{robot.Name}' ({robot.Source})");
        foreach (var joint in manifest.Robot.Joints)
        {
            var live = robot.Joints[robot.JointIndex(joint.Name)];
            Same(policy, joint.Name, "home_rad", joint.HomeRad, live.HomeRad);
            Same(policy, joint.Name, "action_scale_rad", joint.ActionScaleRad, live.ActionScaleRad);
        }

        if (manifest.Robot.ActionMode != robot.Control.ActionMode)
        {
            throw new PolicyMismatchException($"{policy} acts in {manifest.Robot.ActionMode} mode; robot '{robot.Name}' maps actions in {robot.Control.ActionMode} mode");
        }

        var period = robot.Control.PeriodS * (actionRepeat ?? robot.Control.ActionRepeat);
        if (Math.Abs(manifest.Timing.PolicyPeriodS - period) > Tolerance || Math.Abs(manifest.Timing.ControlPeriodS - robot.Control.PeriodS) > Tolerance)
        {
            throw new PolicyMismatchException(string.Create(CultureInfo.InvariantCulture,
                $"{policy} was trained at a policy period of {manifest.Timing.PolicyPeriodS} s (control period {manifest.Timing.ControlPeriodS} s x action repeat {manifest.Timing.ActionRepeat}); this world's is {period} s (control period {robot.Control.PeriodS} s x action repeat {actionRepeat ?? robot.Control.ActionRepeat})"));
        }

        if (manifest.Observation.Camera is { } camera)
        {
            var live = robot.Cameras.FirstOrDefault(c => c.Name == camera.Name)
                ?? throw new PolicyMismatchException($"{policy} sees camera '{camera.Name}'; robot '{robot.Name}' has cameras: {string.Join(", ", robot.Cameras.Select(c => c.Name))}");
            CheckCameraSize(camera, live.Width, live.Height, policy, $"robot '{robot.Name}' camera '{live.Name}'");
        }

        return manifest.Robot.ContentHash == robot.ContentHash
            ? []
            : [$"{policy} was trained on other robot files (hash {Short(manifest.Robot.ContentHash)}, now {Short(robot.ContentHash)}): robot.yaml, the MJCF or kinematics.yaml changed since"];
    }

    /// <summary>The policy's state layout must be the world's field for field: same names, sources, sizes, scales, offsets, clips.</summary>
    /// <exception cref="PolicyMismatchException">Names the first differing field.</exception>
    public static void CheckLayout(PolicyManifest manifest, Observations.ObservationLayout world, string policy, string worldName)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(world);
        var trained = manifest.Observation.Fields;
        for (var i = 0; i < Math.Max(trained.Count, world.Fields.Count); i++)
        {
            var mine = i < trained.Count ? trained[i] : null;
            var theirs = i < world.Fields.Count ? PolicyField.From(world.Fields[i]) : null;
            if (mine is null || theirs is null || !SameField(mine, theirs))
            {
                throw new PolicyMismatchException(
                    $"{policy} observes {Describe(mine)} as field {i}; the {worldName} has {Describe(theirs)} there (policy fields: {string.Join(", ", trained.Select(f => f.Name))})");
            }
        }
    }

    private static bool SameField(PolicyField a, PolicyField b) =>
        a.Name == b.Name && a.Source == b.Source && a.Size == b.Size && a.OffsetHome == b.OffsetHome && a.Clip == b.Clip
        && a.Scale.SequenceEqual(b.Scale) && a.Offset.SequenceEqual(b.Offset);

    private static string Describe(PolicyField? f) => f is null ? "nothing" : $"'{f.Name}' ({f.Source}[{f.Size}])";

    /// <exception cref="PolicyMismatchException">The frames are not the size the policy's preprocessing expects.</exception>
    public static void CheckCameraSize(PolicyCamera camera, int width, int height, string policy, string source)
    {
        ArgumentNullException.ThrowIfNull(camera);
        if (camera.Width != width || camera.Height != height)
        {
            throw new PolicyMismatchException($"{policy} was trained on {camera.Width}x{camera.Height} frames from camera '{camera.Name}'; {source} gives {width}x{height}");
        }
    }

    private static void Same(string policy, string joint, string field, double trained, double live)
    {
        if (Math.Abs(trained - live) > Tolerance)
        {
            throw new PolicyMismatchException(string.Create(CultureInfo.InvariantCulture,
                $"{policy}: joint '{joint}' {field} is {trained} in the policy and {live} on the robot"));
        }
    }

    private static string Short(string hash) => hash.Length > 19 ? hash[..19] : hash;
}
