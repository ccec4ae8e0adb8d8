using Sim2Real.Robotics.Geometry;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Sim.Environments;
using Sim2Real.SimRobot.Sensors;
using Pose = Sim2Real.Robotics.Geometry.Pose;

namespace Sim2Real.SimRobot.Tests.Units;

/// <summary>/tf as robot_state_publisher would compute it, against where MuJoCo puts the same frames.</summary>
public class TfFramesTests
{
    [Fact]
    public void Chained_transforms_from_world_place_the_end_effector_and_cameras_where_MuJoCo_does()
    {
        using var sim = RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        sim.StartEpisode(4);
        var target = sim.Robot.Spec.Home();
        target[0] = 0.7;
        target[3] = -0.4;
        for (var t = 0; t < 20; t++)
        {
            sim.ControlStep(target, [], []);
        }

        sim.Data.Forward();
        var positions = new double[6];
        sim.ReadJoints(positions, new double[6], new Random(0));
        var tf = new TfFrames(sim.Robot.Spec).Transforms(positions, Pose.Identity, new Ros.Messages.BuiltinInterfaces.Time());
        var byChild = tf.Transforms.ToDictionary(t => t.ChildFrameId);

        Pose World(string frame)
        {
            var pose = Pose.Identity;
            for (var name = frame; name != "world"; name = byChild[name].Header.FrameId)
            {
                pose = ToPose(byChild[name].Transform).Compose(pose);
            }

            return pose;
        }

        var ee = World("ee").Position;
        var site = sim.Model.SiteId("ee");
        Assert.Equal(sim.Data.site_xpos[3 * site], ee.X, 7);
        Assert.Equal(sim.Data.site_xpos[(3 * site) + 1], ee.Y, 7);
        Assert.Equal(sim.Data.site_xpos[(3 * site) + 2], ee.Z, 7);

        // The optical frame looks along +z where the MuJoCo camera looks along its -z.
        var camera = sim.Model.CameraId("wrist");
        var optical = World("wrist_optical_frame");
        var forward = optical.Orientation.Rotate(new Vec3(0, 0, 1));
        var xmat = sim.Data.cam_xmat.Slice(9 * camera, 9);
        Assert.Equal(-xmat[2], forward.X, 7);
        Assert.Equal(-xmat[5], forward.Y, 7);
        Assert.Equal(-xmat[8], forward.Z, 7);
    }

    private static Pose ToPose(Transform t) =>
        new(new Vec3(t.Translation.X, t.Translation.Y, t.Translation.Z), new Quat(t.Rotation.W, t.Rotation.X, t.Rotation.Y, t.Rotation.Z));
}
