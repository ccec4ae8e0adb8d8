using Sim2Real.Robotics.Geometry;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Worlds;

namespace Sim2Real.Sim.Tests.Worlds;

/// <summary>
/// The held-out world stands for the physical robot: every parameter robot.yaml's real_like world sets must show up
/// in the simulation as a difference from the nominal world, by the amount it names.
/// </summary>
public class RealLikeWorldTests
{
    private delegate void Probe(RobotSimulation nominal, RobotSimulation realLike, WorldPerturbation perturbation);

    // One check per perturbation field: a field without one fails the test, so a new field cannot go untested.
    private static readonly Dictionary<string, Probe> Probes = new()
    {
        ["mass_scale"] = (n, r, p) => Assert.All(Bodies(n), b => Assert.Equal(n.Model.body_mass[b] * p.MassScale!.Value, r.Model.body_mass[b], 9)),
        ["friction_scale"] = (n, r, p) => Assert.All(Enumerable.Range(0, n.Model.ngeom), g => Assert.Equal(n.Model.geom_friction[3 * g] * p.FrictionScale!.Value, r.Model.geom_friction[3 * g], 9)),
        ["joint_damping_scale"] = (n, r, p) => Assert.Equal(n.Model.dof_damping[^1] * p.JointDampingScale!.Value, r.Model.dof_damping[^1], 9),
        ["motor_strength_scale"] = (n, r, p) => Assert.Equal(n.Model.actuator_forcerange[1] * p.MotorStrengthScale!.Value, r.Model.actuator_forcerange[1], 9),
        ["kp_scale"] = (n, r, p) => Assert.Equal(n.Model.actuator_gainprm[0] * p.KpScale!.Value, r.Model.actuator_gainprm[0], 9),
        ["kd_scale"] = (n, r, p) => Assert.Equal(n.Model.actuator_biasprm[2] * p.KdScale!.Value, r.Model.actuator_biasprm[2], 9),
        ["extra_latency_s"] = ExtraLatencyDelaysTheTarget,
        ["joint_position_bias_rad"] = (n, r, p) =>
        {
            var (qn, qr) = (Positions(n), Positions(r));
            var bias = p.JointBias(n.JointCount);
            Assert.All(Enumerable.Range(0, n.JointCount), i => Assert.Equal(qn[i] + bias[i], qr[i], 12));
        },
        ["camera_shift_m"] = (n, r, p) => Assert.All(Enumerable.Range(0, n.Model.ncam), c =>
            Assert.All(Enumerable.Range(0, 3), k => Assert.Equal(n.Model.cam_pos[(3 * c) + k] + p.CameraShiftM![k], r.Model.cam_pos[(3 * c) + k], 12))),
        ["camera_rotation_deg"] = (n, r, p) => Assert.All(Enumerable.Range(0, n.Model.ncam), c =>
        {
            var a = Quat.From(n.Model.cam_quat.Slice(4 * c, 4));
            var b = Quat.From(r.Model.cam_quat.Slice(4 * c, 4));
            var dot = Math.Abs((a.W * b.W) + (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z));
            Assert.Equal(p.CameraRotationDeg!.Value, 2 * Math.Acos(Math.Min(1, dot)) * 180 / Math.PI, 6);
        }),
        ["geom_rgb_shift"] = (n, r, p) =>
        {
            var changed = Enumerable.Range(0, n.Model.mat_rgba.Length).Count(i => i % 4 != 3 && n.Model.mat_rgba[i] != r.Model.mat_rgba[i]);
            Assert.True(changed >= n.Model.nmat, $"{changed} material colour channels changed of {3 * n.Model.nmat}");
        },
        ["light_diffuse"] = (n, r, p) =>
        {
            Assert.All(r.Model.light_diffuse.ToArray(), d => Assert.Equal(p.LightDiffuse!.Value, d, 6));
            Assert.NotEqual(n.Model.light_diffuse.ToArray(), r.Model.light_diffuse.ToArray());
        },
    };

    [Theory]
    [InlineData("arm6", "reach")]
    [InlineData("quad12", "walk")]
    public void The_real_like_world_differs_from_nominal_in_each_parameter_it_defines(string robot, string task)
    {
        var perturbation = RobotCatalog.Discover().Load(robot).Worlds[WorldNames.RealLike].Perturbation!;
        using var nominal = Simulation(robot, task, WorldNames.Nominal);
        using var realLike = Simulation(robot, task, "real-like");

        var defined = perturbation.DefinedParameters();
        Assert.NotEmpty(defined);
        foreach (var parameter in defined)
        {
            Assert.True(Probes.TryGetValue(parameter, out var probe), $"no check for real_like parameter '{parameter}'");
            nominal.StartEpisode(11);
            realLike.StartEpisode(11);
            probe(nominal, realLike, perturbation);
        }
    }

    [Fact]
    public void Every_perturbation_field_has_a_check()
    {
        var all = new WorldPerturbation
        {
            MassScale = 1, FrictionScale = 1, JointDampingScale = 1, MotorStrengthScale = 1, KpScale = 1, KdScale = 1, ExtraLatencyS = 0,
            JointPositionBiasRad = [0], CameraShiftM = [0, 0, 0], CameraRotationDeg = 0, GeomRgbShift = [0, 0, 0], LightDiffuse = 0,
        };

        Assert.Equal(all.DefinedParameters().Order(), Probes.Keys.Order());
    }

    [Fact]
    public void The_real_like_world_keeps_the_episode_worlds_of_the_seed_mapping()
    {
        // Same seed, same task draws: the world changes the robot, not where the reach target is.
        using var nominal = Simulation("arm6", "reach", WorldNames.Nominal);
        using var realLike = Simulation("arm6", "reach", WorldNames.RealLike);
        nominal.StartEpisode(5);
        realLike.StartEpisode(5);
        var target = nominal.Model.body_mocapid[nominal.Model.BodyId("target")];

        Assert.Equal(nominal.Data.mocap_pos.Slice(3 * target, 3).ToArray(), realLike.Data.mocap_pos.Slice(3 * target, 3).ToArray());
        Assert.Equal(nominal.Factors.LatencySteps + 2, realLike.Factors.LatencySteps);
    }

    private static void ExtraLatencyDelaysTheTarget(RobotSimulation nominal, RobotSimulation realLike, WorldPerturbation perturbation)
    {
        var steps = perturbation.ExtraLatencySteps(nominal.Robot.Control.PeriodS);
        Assert.True(steps > 0);
        var target = nominal.Robot.Spec.Home();
        target[0] += 0.1;
        var home = nominal.Robot.Spec.Home()[0];
        for (var t = 0; t <= steps; t++)
        {
            nominal.ControlStep(target, [], []);
            realLike.ControlStep(target, [], []);
            Assert.Equal(target[0], nominal.Data.ctrl[0]);
            // The real-like robot still drives the home pose until the command has come through the extra delay.
            Assert.Equal(t < steps ? home : target[0], realLike.Data.ctrl[0]);
        }
    }

    private static RobotSimulation Simulation(string robot, string task, string world) =>
        RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = robot, Task = task, World = world });

    private static IEnumerable<int> Bodies(RobotSimulation sim) => sim.Factors.Bodies.Select(sim.Model.BodyId);

    private static double[] Positions(RobotSimulation sim)
    {
        var q = new double[sim.JointCount];
        sim.ReadJoints(q, new double[sim.JointCount], new Random(0));
        return q;
    }
}
