using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Kinematics;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tests.Contract;

public class KinematicsTests
{
    [Theory]
    [InlineData("arm6")]
    [InlineData("quad12")]
    public void The_committed_kinematics_file_equals_a_fresh_export_from_the_mjcf(string robot)
    {
        var folder = Path.Combine(RobotCatalog.Discover().Root, robot);

        var fresh = KinematicsExport.ToYaml(KinematicsExport.FromFolder(folder));

        Assert.True(fresh == File.ReadAllText(Path.Combine(folder, KinematicChain.FileName)),
            $"robots/{robot}/kinematics.yaml is stale: run `./sim2real sim export-kinematics --robot {robot}`");
    }

    [Fact]
    public void Forward_kinematics_puts_the_end_effector_where_mujoco_puts_its_site_to_1e_7_m()
    {
        var robot = RobotCatalog.Discover().Load("arm6");
        using var model = RobotModel.Load(robot, "reach");
        using var data = model.CreateData();
        var fk = new ForwardKinematics(robot.Spec.Kinematics, robot.Spec.JointNames);
        var ee = robot.Spec.Kinematics.Frame("ee");
        var wrist = robot.Spec.Kinematics.Frame("wrist");
        var site = model.SiteId("ee");
        var camera = model.CameraId("wrist");
        var links = new Pose[fk.LinkCount];
        var q = new double[6];
        var random = new Random(11);
        var worst = 0.0;
        for (var trial = 0; trial < 300; trial++)
        {
            for (var i = 0; i < 6; i++)
            {
                var limit = robot.Joints[i].PositionLimitRad;
                q[i] = limit.Min + (limit.Width * random.NextDouble());
                data.qpos[model.jnt_qposadr[model.JointId(robot.Joints[i].Name)]] = q[i];
            }

            data.Forward();
            fk.Solve(q, Pose.Identity, links);
            worst = Math.Max(worst, (ForwardKinematics.FramePose(ee, links).Position - Vec3.From(data.site_xpos.Slice(3 * site, 3))).Norm);
            worst = Math.Max(worst, (ForwardKinematics.FramePose(wrist, links).Position - Vec3.From(data.cam_xpos.Slice(3 * camera, 3))).Norm);
        }

        Assert.True(worst < 1e-7, $"largest end-effector or camera error {worst:E2} m");
    }

    [Fact]
    public void Forward_kinematics_of_a_floating_base_places_the_feet_from_the_base_pose_and_joints()
    {
        var robot = RobotCatalog.Discover().Load("quad12");
        using var model = RobotModel.Load(robot, "walk");
        using var data = model.CreateData();
        var fk = new ForwardKinematics(robot.Spec.Kinematics, robot.Spec.JointNames);
        var feet = new[] { "FL_foot", "FR_foot", "RL_foot", "RR_foot" };
        var root = model.jnt_qposadr[model.JointId("root")];
        var links = new Pose[fk.LinkCount];
        var q = new double[12];
        var random = new Random(5);
        var worst = 0.0;
        for (var trial = 0; trial < 200; trial++)
        {
            for (var i = 0; i < 12; i++)
            {
                var limit = robot.Joints[i].PositionLimitRad;
                q[i] = limit.Min + (limit.Width * random.NextDouble());
                data.qpos[model.jnt_qposadr[model.JointId(robot.Joints[i].Name)]] = q[i];
            }

            var basePose = new Pose(
                new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, 0.3),
                new Quat(1, 0.3 * (random.NextDouble() - 0.5), 0.3 * (random.NextDouble() - 0.5), random.NextDouble() - 0.5).Normalized());
            basePose.Position.CopyTo(data.qpos.Slice(root, 3));
            data.qpos[root + 3] = basePose.Orientation.W;
            data.qpos[root + 4] = basePose.Orientation.X;
            data.qpos[root + 5] = basePose.Orientation.Y;
            data.qpos[root + 6] = basePose.Orientation.Z;
            data.Forward();
            fk.Solve(q, basePose, links);
            foreach (var foot in feet)
            {
                var site = model.SiteId(foot);
                var error = (ForwardKinematics.FramePose(robot.Spec.Kinematics.Frame(foot), links).Position - Vec3.From(data.site_xpos.Slice(3 * site, 3))).Norm;
                worst = Math.Max(worst, error);
            }
        }

        Assert.True(worst < 1e-7, $"largest foot error {worst:E2} m");
    }
}
