using Sim2Real.Core;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tests.Randomization;

public class VisualRandomizerTests
{
    [Fact]
    public void Light_count_switches_lights_on_in_order_and_restore_puts_them_back()
    {
        using var model = RobotModel.Load(RobotCatalog.Discover().Load("arm6"), "reach");
        var authored = model.light_active.ToArray();
        var randomizer = new VisualRandomizer(model, new VisualRandomizationConfig { LightCount = new Interval(1, 1) });

        var factors = randomizer.Apply(new Random(1));

        Assert.Equal(1, factors.LightsOn);
        Assert.Equal(new byte[] { 1, 0, 0 }, model.light_active.ToArray());
        randomizer.Restore();
        Assert.Equal(authored, model.light_active.ToArray());
    }

    [Fact]
    public void Camera_pose_fovy_colours_and_lights_move_within_their_jitter()
    {
        using var model = RobotModel.Load(RobotCatalog.Discover().Load("arm6"), "reach");
        var camera = model.CameraId("scene");
        var fovy = model.cam_fovy[camera];
        var position = model.cam_pos.Slice(3 * camera, 3).ToArray();
        var rgba = model.geom_rgba.ToArray();
        var light = model.light_pos.ToArray();
        var config = new VisualRandomizationConfig
        {
            CameraFovyJitterDeg = 3,
            CameraPositionJitterM = 0.02,
            CameraRotationJitterRad = 0.05,
            GeomRgbJitter = 0.1,
            LightPositionJitterM = 0.3,
            LightCount = new Interval(3, 3),
        };

        new VisualRandomizer(model, config).Apply(new Random(4));

        Assert.NotEqual(fovy, model.cam_fovy[camera]);
        Assert.InRange(model.cam_fovy[camera], fovy - 3, fovy + 3);
        for (var k = 0; k < 3; k++)
        {
            Assert.InRange(model.cam_pos[(3 * camera) + k], position[k] - 0.02, position[k] + 0.02);
        }

        var quat = model.cam_quat.Slice(4 * camera, 4).ToArray();
        Assert.Equal(1.0, Math.Sqrt(quat.Sum(q => q * q)), 9);
        Assert.NotEqual(rgba, model.geom_rgba.ToArray());
        Assert.All(rgba.Zip(model.geom_rgba.ToArray()), p => Assert.InRange(p.Second - p.First, -0.1001f, 0.1001f));
        // Geoms coloured by a material keep MuJoCo's default rgba, or the material would stop showing.
        var link2 = model.GeomId("link2");
        Assert.Equal(new[] { 0.5f, 0.5f, 0.5f, 1f }, model.geom_rgba.Slice(4 * link2, 4).ToArray());
        Assert.NotEqual(light, model.light_pos.ToArray());
        Assert.Equal(new byte[] { 1, 1, 1 }, model.light_active.ToArray());
    }
}
