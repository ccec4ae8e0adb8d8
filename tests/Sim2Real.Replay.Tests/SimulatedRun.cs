using Sim2Real.Sim.Robots;

namespace Sim2Real.Replay.Tests;

/// <summary>
/// A deployment of arm6 against a simulated robot, written as a log: the robot is MuJoCo stepping at its physics rate
/// and publishing joint states every control period (as sim serve does), the runtime sends a new joint target every
/// policy period a few milliseconds after the joint state it answers, and the robot applies each target from the next
/// physics step after it arrives (plus the world's extra latency). The episode starts away from home and moving, as a
/// robot does when deploy starts. Log times are the simulated clock, as a recorder on sim time stamps them.
/// </summary>
internal static class SimulatedRun
{
    public const double DurationS = 3.0;
    public const double CommandDelayS = 0.003;

    /// <summary>How the world differs from the nominal model.</summary>
    public sealed record World(string Name, double MassScale, double DampingScale, double KpScale, double ExtraLatencyS);

    public static World Nominal { get; } = new("nominal", 1, 1, 1, 0);

    /// <summary>Heavier links, more damping, weaker servos and one control period of extra latency: a real-like robot.</summary>
    public static World RealLike { get; } = new("real_like", 1.5, 3, 0.7, 0.02);

    public static void Write(string path, World world)
    {
        var robot = Repository.Arm6;
        using var log = new DeploymentLogWriter(path, robot.Name, world: world.Name);
        using var model = RobotModel.Load(robot, "reach");
        using var data = model.CreateData();
        Perturb(model, robot, world);
        model.SetConst(data);
        data.ResetToKeyframe("home");
        var joints = robot.Joints.Count;
        var qposAdr = robot.Joints.Select(j => model.jnt_qposadr[model.JointId(j.Name)]).ToArray();
        var dofAdr = robot.Joints.Select(j => model.jnt_dofadr[model.JointId(j.Name)]).ToArray();
        for (var j = 0; j < joints; j++)
        {
            data.qpos[qposAdr[j]] += 0.05 * (j % 2 == 0 ? 1 : -1);
            data.qvel[dofAdr[j]] = 0.2;
        }

        data.Forward();
        var home = robot.Spec.Home();
        var names = robot.Spec.JointNames;
        var dt = model.opt.timestep;
        var perControl = robot.PhysicsStepsPerControl;
        var perPolicy = perControl * robot.Control.ActionRepeat;
        var steps = (int)Math.Round(DurationS / dt);
        var target = (double[])home.Clone();
        var pending = new List<(double Apply, double[] Target)>();
        for (var step = 0; step <= steps; step++)
        {
            var t = step * dt;
            if (step % perControl == 0)
            {
                log.JointState(LogTime.At(t), names, [.. qposAdr.Select(a => data.qpos[a])], [.. dofAdr.Select(a => data.qvel[a])]);
            }

            if (step % perPolicy == 0 && step < steps)
            {
                var command = Command(home, t);
                log.Command(LogTime.At(t + CommandDelayS), command);
                pending.Add((t + CommandDelayS + world.ExtraLatencyS, command));
            }

            while (pending.Count > 0 && pending[0].Apply <= t + 1e-9)
            {
                target = pending[0].Target;
                pending.RemoveAt(0);
            }

            if (step < steps)
            {
                data.SetControls(target);
                data.Step();
            }
        }
    }

    /// <summary>The runtime's targets: each joint swinging about home at its own frequency.</summary>
    public static double[] Command(double[] home, double t) =>
        [.. home.Select((h, j) => h + (0.3 * Math.Sin(2 * Math.PI * (0.6 + (0.25 * j)) * t)))];

    private static void Perturb(Sim2Real.Sim.Bindings.MjModel model, RobotConfig robot, World world)
    {
        var mass = model.body_mass;
        for (var b = 1; b < mass.Length; b++)
        {
            mass[b] *= world.MassScale;
        }

        var damping = model.dof_damping;
        for (var d = 0; d < damping.Length; d++)
        {
            damping[d] = (damping[d] * world.DampingScale) + ((world.DampingScale - 1) * 0.5);
        }

        var gain = model.actuator_gainprm;
        var bias = model.actuator_biasprm;
        var gainStride = gain.Length / model.nu;
        var biasStride = bias.Length / model.nu;
        for (var a = 0; a < robot.Joints.Count; a++)
        {
            gain[gainStride * a] *= world.KpScale;
            bias[(biasStride * a) + 1] *= world.KpScale;
        }
    }
}
