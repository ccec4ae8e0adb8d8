using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Tests.Calibration;

public class HandEyeRotationDiversityTests
{
    private static RigidTransform Pose(double rx, double ry, double rz) => RigidTransform.FromRotationVector([rx, ry, rz], [0.4, 0.1, 0.3]);

    [Fact]
    public void Views_all_at_one_gripper_pose_are_refused_saying_the_gripper_barely_rotates()
    {
        var same = Enumerable.Repeat(Pose(0.1, 0.2, 0.3), 8).ToList();

        var error = Assert.Throws<CalibrationException>(() => HandEyeCalibrator.RequireRotationDiversity(same, 8));

        Assert.Contains("barely rotates", error.Message, StringComparison.Ordinal);
        Assert.Contains("two different axes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_turning_about_one_axis_only_are_refused()
    {
        var oneAxis = Enumerable.Range(0, 6).Select(i => Pose(0, 0, 0.2 * i)).ToList();

        var error = Assert.Throws<CalibrationException>(() => HandEyeCalibrator.RequireRotationDiversity(oneAxis, 6));

        Assert.Contains("one axis only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_turning_about_two_axes_are_accepted()
    {
        List<RigidTransform> varied = [Pose(0, 0, 0), Pose(0.3, 0, 0), Pose(0, 0.3, 0), Pose(0.2, 0.2, 0.1)];

        Assert.Null(Record.Exception(() => HandEyeCalibrator.RequireRotationDiversity(varied, varied.Count)));
    }
}
