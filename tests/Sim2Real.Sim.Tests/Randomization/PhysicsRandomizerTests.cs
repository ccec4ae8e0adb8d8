using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tests.Randomization;

/// <summary>Each physical knob moves the simulation the way physics says it should.</summary>
public sealed class PhysicsRandomizerTests
{
    [Fact]
    public void Doubled_mass_halves_acceleration_under_the_same_force()
    {
        double Acceleration(double massScale)
        {
            using var scene = Scene.Load("arm6", "push", bodies: ["block"]);
            scene.Apply(massScale: massScale);
            scene.Model.opt.gravity[2] = 0;
            var block = scene.Model.JointId("block");
            scene.Data.qpos[scene.Model.jnt_qposadr[block] + 2] = 0.5;
            scene.Data.xfrc_applied[(6 * scene.Model.BodyId("block")) + 1] = 1.0;
            scene.Data.Forward();
            return scene.Data.qacc[scene.Model.jnt_dofadr[block] + 1];
        }

        Assert.Equal(0.5, Acceleration(2.0) / Acceleration(1.0), 6);
    }

    [Fact]
    public void Lower_friction_lets_a_pushed_block_slide_further()
    {
        double Slide(double frictionScale)
        {
            using var scene = Scene.Load("arm6", "push", bodies: []);
            scene.Apply(frictionScale: frictionScale);
            var block = scene.Model.JointId("block");
            var y0 = scene.Data.qpos[scene.Model.jnt_qposadr[block] + 1];
            scene.Data.qvel[scene.Model.jnt_dofadr[block] + 1] = 0.8;
            scene.Data.Step(500);
            return scene.Data.qpos[scene.Model.jnt_qposadr[block] + 1] - y0;
        }

        var slippery = Slide(0.3);
        var grippy = Slide(1.0);
        Assert.True(slippery > 1.5 * grippy, $"slid {slippery:0.###} m on a slippery floor vs {grippy:0.###} m");
    }

    [Fact]
    public void Higher_joint_damping_decelerates_a_moving_joint_harder()
    {
        double Deceleration(double dampingScale)
        {
            using var scene = Scene.Load("arm6", "reach", bodies: []);
            scene.Apply(dampingScale: dampingScale);
            scene.Model.opt.gravity[2] = 0;
            var elbow = scene.Model.JointId("elbow");
            scene.Data.ctrl[scene.Model.ActuatorId("elbow")] = scene.Data.qpos[scene.Model.jnt_qposadr[elbow]];
            scene.Data.qvel[scene.Model.jnt_dofadr[elbow]] = 1.0;
            scene.Data.Forward();
            return -scene.Data.qacc[scene.Model.jnt_dofadr[elbow]];
        }

        // Joint damping 0.1 -> 5 N*m*s/rad on top of the servo's kd of 6: (6 + 5) / (6 + 0.1) = 1.8 times harder.
        Assert.Equal((6 + 5) / 6.1, Deceleration(50) / Deceleration(1), 1);
    }

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(0.7, 1.2)]
    public void Motor_strength_and_kp_scale_the_servo_acceleration(double strength, double kpScale)
    {
        double Acceleration(double s, double kp)
        {
            using var scene = Scene.Load("arm6", "reach", bodies: []);
            scene.Apply(strength: s, kpScale: kp);
            scene.Model.opt.gravity[2] = 0;
            var elbow = scene.Model.JointId("elbow");
            scene.Data.ctrl[scene.Model.ActuatorId("elbow")] = scene.Data.qpos[scene.Model.jnt_qposadr[elbow]] + 0.2;
            scene.Data.Forward();
            return scene.Data.qacc[scene.Model.jnt_dofadr[elbow]];
        }

        Assert.Equal(strength * kpScale, Acceleration(strength, kpScale) / Acceleration(1, 1), 2);
    }

    [Fact]
    public void Kd_scale_scales_the_velocity_damping_force()
    {
        double Acceleration(double kd)
        {
            using var scene = Scene.Load("arm6", "reach", bodies: []);
            scene.Apply(kdScale: kd, dampingScale: 0);
            scene.Model.opt.gravity[2] = 0;
            var elbow = scene.Model.JointId("elbow");
            scene.Data.ctrl[scene.Model.ActuatorId("elbow")] = scene.Data.qpos[scene.Model.jnt_qposadr[elbow]];
            scene.Data.qvel[scene.Model.jnt_dofadr[elbow]] = 1.0;
            scene.Data.Forward();
            return scene.Data.qacc[scene.Model.jnt_dofadr[elbow]];
        }

        var nominal = Acceleration(1);
        Assert.True(nominal < 0, "kd opposes the motion");
        Assert.Equal(2.0, Acceleration(2) / nominal, 1);
    }

    [Fact]
    public void Com_offset_moves_the_robot_centre_of_mass_by_the_offset_times_the_mass_share()
    {
        double ComX(double offset)
        {
            using var scene = Scene.Load("quad12", "walk", bodies: ["torso"]);
            scene.Apply(comOffsetX: offset);
            scene.Data.Forward();
            return scene.Data.subtree_com[3 * scene.Model.BodyId("torso")];
        }

        using var reference = Scene.Load("quad12", "walk", bodies: ["torso"]);
        var torso = reference.Model.BodyId("torso");
        var share = reference.Model.body_mass[torso] / reference.Model.body_subtreemass[torso];
        Assert.Equal(0.03 * share, ComX(0.03) - ComX(0), 6);
    }

    [Fact]
    public void Nominal_factors_restore_the_model_as_authored()
    {
        using var scene = Scene.Load("quad12", "walk", bodies: ["torso"]);
        var mass = scene.Model.body_mass.ToArray();
        var friction = scene.Model.geom_friction.ToArray();
        var gain = scene.Model.actuator_gainprm.ToArray();

        scene.Apply(massScale: 1.3, frictionScale: 0.4, strength: 0.8, kpScale: 1.1);
        Assert.NotEqual(mass, scene.Model.body_mass.ToArray());
        scene.Apply();

        Assert.Equal(mass, scene.Model.body_mass.ToArray());
        Assert.Equal(friction, scene.Model.geom_friction.ToArray());
        Assert.Equal(gain, scene.Model.actuator_gainprm.ToArray());
    }

    /// <summary>A robot scene with its config applied, a data at home, and a randomizer over the given bodies.</summary>
    private sealed class Scene : IDisposable
    {
        private readonly PhysicsRandomizer _randomizer;
        private readonly string[] _bodies;
        private readonly string[] _actuators;

        private Scene(MjModel model, string[] bodies)
        {
            Model = model;
            Data = model.CreateData();
            _bodies = bodies;
            _actuators = model.Names(MjtObj.mjOBJ_ACTUATOR).ToArray();
            _randomizer = new PhysicsRandomizer(model, bodies);
        }

        public MjModel Model { get; }

        public MjData Data { get; }

        public static Scene Load(string robot, string scene, string[] bodies) =>
            new(RobotModel.Load(RobotCatalog.Discover().Load(robot), scene), bodies);

        public void Apply(double massScale = 1, double frictionScale = 1, double dampingScale = 1, double strength = 1, double kpScale = 1, double kdScale = 1, double comOffsetX = 0)
        {
            var coms = new double[3 * _bodies.Length];
            for (var i = 0; i < _bodies.Length; i++)
            {
                coms[3 * i] = comOffsetX;
            }

            var factors = new EnvironmentFactors(
                _bodies,
                _actuators,
                frictionScale,
                _bodies.Select(_ => massScale).ToArray(),
                coms,
                dampingScale,
                _actuators.Select(_ => strength).ToArray(),
                kpScale,
                kdScale,
                0);
            _randomizer.Apply(factors, Data);
            Data.ResetToKeyframe("home");
        }

        public void Dispose()
        {
            Data.Dispose();
            Model.Dispose();
        }
    }
}
