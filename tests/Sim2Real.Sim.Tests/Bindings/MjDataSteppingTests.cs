using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Tests.Bindings;

public class MjDataSteppingTests
{
    [Fact]
    public void Stepping_the_same_controls_twice_gives_bit_identical_states()
    {
        using var model = MjModel.FromXmlFile(TestModels.Humanoid);
        using var a = model.CreateData();
        using var b = model.CreateData();

        for (var i = 0; i < 100; i++)
        {
            a.ctrl.Fill(Math.Sin(i * 0.1));
            b.ctrl.Fill(Math.Sin(i * 0.1));
            a.Step();
            b.Step();
        }

        Assert.Equal(100 * model.opt.timestep, a.time, 9);
        Assert.True(a.qpos.SequenceEqual(b.qpos));
        Assert.True(a.qvel.SequenceEqual(b.qvel));
    }

    [Fact]
    public void Resetting_to_the_home_keyframe_restores_its_state()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum);
        using var data = model.CreateData();
        data.Step(50);

        data.ResetToKeyframe("home");

        Assert.Equal(0.5, data.qpos[0], 12);
        Assert.Equal(-0.25, data.qvel[0], 12);
        Assert.Equal(0.1, data.ctrl[0], 12);
        Assert.Equal(0, data.time, 12);
    }

    [Fact]
    public void Reset_returns_to_qpos0()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum);
        using var data = model.CreateData();
        data.ResetToKeyframe(0);
        data.Step(10);

        data.Reset();

        Assert.Equal(0, data.qpos[0], 12);
        Assert.Equal(0, data.time, 12);
    }

    [Fact]
    public void A_keyframe_index_out_of_range_is_rejected_with_the_model_name()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum, "pendulum.xml");
        using var data = model.CreateData();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => data.ResetToKeyframe(3));

        Assert.Contains("pendulum.xml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_control_is_rejected_before_mj_step_naming_the_actuator()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum, "pendulum.xml");
        using var data = model.CreateData();
        data.ctrl[0] = double.NaN;

        var e = Assert.Throws<NonFiniteControlException>(() => data.Step());

        Assert.Equal("torque", e.Actuator);
        Assert.Contains("actuator 'torque'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, data.time, 12);
        Assert.Throws<NonFiniteControlException>(() => data.SetControls([double.PositiveInfinity]));
    }

    [Fact]
    public void An_engine_error_becomes_an_exception_and_the_data_must_be_reset()
    {
        using var model = MjModel.FromXmlString(TestModels.TinyStack, "tinystack.xml");
        using var data = model.CreateData();
        TestModels.PileBoxes(data);

        var e = Assert.Throws<MuJoCoException>(() => data.Step());

        Assert.Contains("tinystack.xml: mj_step failed: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("stack", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<InvalidOperationException>(() => data.Step());
        data.Reset();
        data.Step();
        Assert.Equal(model.opt.timestep, data.time, 12);
    }

    [Fact]
    public void A_bad_acceleration_raises_a_counted_and_logged_warning()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum);
        using var data = model.CreateData();
        var logged = new List<string>();
        void Collect(string message) => logged.Add(message);
        MjWarningLog.Raised += Collect;
        try
        {
            data.qfrc_applied[0] = 1e300;
            data.Step();
        }
        finally
        {
            MjWarningLog.Raised -= Collect;
        }

        var warning = Assert.Single(data.Warnings());
        Assert.Equal(MjtWarning.mjWARN_BADQACC, warning.Kind);
        Assert.Contains(logged, m => m.Contains("QACC", StringComparison.Ordinal));
    }

    [Fact]
    public void Data_refuses_to_step_once_its_model_is_disposed()
    {
        var model = MjModel.FromXmlString(TestModels.Pendulum);
        var data = model.CreateData();

        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => data.Step());
        data.Dispose();
        Assert.Throws<ObjectDisposedException>(() => data.qpos.Length);
    }
}
