using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Tests.Bindings;

public class MjNameLookupTests
{
    [Fact]
    public void Finds_every_kind_of_named_object()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum);

        Assert.Equal(1, model.BodyId("pole"));
        Assert.Equal(0, model.JointId("hinge"));
        Assert.Equal(0, model.ActuatorId("torque"));
        Assert.Equal(0, model.SensorId("angle"));
        Assert.Equal(1, model.GeomId("rod"));
        Assert.Equal(0, model.CameraId("front"));
        Assert.Equal(0, model.SiteId("tip"));
        Assert.Equal(0, model.KeyframeId("home"));
        Assert.Equal("rod", model.Name(MjtObj.mjOBJ_GEOM, 1));
    }

    [Fact]
    public void An_unknown_camera_names_the_camera_the_model_and_the_known_cameras()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum, "pendulum.xml");

        var e = Assert.Throws<MjNameNotFoundException>(() => model.CameraId("wrist"));

        Assert.Equal("pendulum.xml: no camera named 'wrist' (known: front)", e.Message);
        Assert.Equal(MjtObj.mjOBJ_CAMERA, e.Kind);
    }

    [Fact]
    public void An_unknown_body_names_the_body()
    {
        using var model = MjModel.FromXmlFile(TestModels.Humanoid);

        var e = Assert.Throws<MjNameNotFoundException>(() => model.BodyId("tail"));

        Assert.Contains("no body named 'tail'", e.Message, StringComparison.Ordinal);
        Assert.Contains("humanoid.xml", e.Message, StringComparison.Ordinal);
        Assert.False(model.TryGetId(MjtObj.mjOBJ_BODY, "tail", out _));
    }
}
