using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Mcap.Deployment;
using Sim2Real.Replay.Logs;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Replay.Simulation;

/// <summary>
/// Applies a log's published joint targets open-loop in the nominal simulator, from the logged initial state, and
/// records the simulated joints beside the logged ones.
/// </summary>
/// <remarks>
/// <para>Time is the log's, in the deployment's one clock: a joint state's header stamp (when it was measured; its log
/// time when unstamped), a command's log time (when it was published). The simulation starts from the last joint
/// state at or before the episode's first command (joint positions and velocities; a floating base from the odometry
/// logged at or before it), with the robot's home pose as the target until the first command. A log of the simulated
/// robot holds several episodes, each begun by a /sim/reset; one episode is replayed.</para>
/// <para>A command is applied from the first physics step that starts at or after its log time, as the simulated
/// robot applies a command at its next physics step; each logged joint state is compared with the simulated state
/// after the physics steps that end at its log time (rounded to whole steps).</para>
/// </remarks>
public static class SimReplay
{
    // A command logged within a nanosecond of a step's start belongs to that step (log times are whole nanoseconds).
    private const double StepTolerance = 1e-9;

    /// <param name="task">Chooses the scene (robot.yaml scenes:); null takes the log's task, else the robot's first scene.</param>
    /// <exception cref="InvalidConfigException">A topic the replay needs is missing or does not fit the robot.</exception>
    /// <param name="episode">Which episode (0-based) of a log with /sim/reset episode boundaries.</param>
    public static SimReplayResult Run(DeploymentLog log, RobotConfig robot, string? task = null, int episode = 0)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(robot);
        var topics = log.Topics;
        var (from, to) = Episode(log, episode);
        var states = log.Require([.. log.JointStates.Where(s => Time(s) >= from && Time(s) < to)], topics.JointStates,
            $"replay sim starts from the logged joint state and compares against it (episode {episode})");
        var commands = log.Require([.. log.Commands.Where(c => c.LogTime >= from && c.LogTime < to)], topics.Commands,
            $"replay sim applies the logged commands (std_msgs/Float64MultiArray joint targets; episode {episode})");
        var joints = robot.Joints.Count;
        foreach (var command in commands)
        {
            if (command.Message.Data.Length != joints)
            {
                throw new InvalidConfigException(log.File, topics.Commands,
                    $"record {command.Index} holds {command.Message.Data.Length} targets; robot '{robot.Name}' has {joints} joints ({string.Join(", ", robot.Spec.JointNames)})");
            }
        }

        var scene = task ?? (log.Metadata.TryGetValue(DeploymentLogMetadata.Task, out var logged) && robot.Scenes.ContainsKey(logged) ? logged : robot.Scenes.Keys.First());
        using var model = RobotModel.Load(robot, scene);
        using var data = model.CreateData();
        data.ResetToKeyframe("home");

        var order = JointOrder(log, robot, states[0]);
        var startIndex = states.TakeWhile(s => Time(s) <= commands[0].LogTime).Count() - 1;
        var start = states[Math.Max(startIndex, 0)];
        var qposAdr = robot.Joints.Select(j => model.jnt_qposadr[model.JointId(j.Name)]).ToArray();
        var dofAdr = robot.Joints.Select(j => model.jnt_dofadr[model.JointId(j.Name)]).ToArray();
        SetJoints(data, start, order, qposAdr, dofAdr, log, robot);
        if (robot.Spec.Kinematics.FreeJoint is { } free)
        {
            var odometry = log.Require(log.Odometry, topics.Odometry, $"robot '{robot.Name}' has a floating base, whose initial pose and velocity come from odometry");
            var at = odometry.LastOrDefault(o => o.LogTime <= Time(start)) ?? odometry[0];
            SetBase(data, model, free.Name, at.Message);
        }

        data.Forward();
        var dt = model.opt.timestep;
        var target = robot.Spec.Home();
        var times = new List<double>();
        var loggedQ = new List<double[]>();
        var simQ = new List<double[]>();
        var loggedV = new List<double[]>();
        var simV = new List<double[]>();
        var commanded = new List<double[]>();
        var next = 0;
        long step = 0;
        var applied = 0;
        foreach (var sample in states.Skip(Math.Max(startIndex, 0) + 1))
        {
            var at = Seconds(Time(sample), Time(start));
            var until = (long)Math.Round(at / dt);
            for (; step < until; step++)
            {
                while (next < commands.Count && Seconds(commands[next].LogTime, Time(start)) <= (step * dt) + StepTolerance)
                {
                    commands[next].Message.Data.CopyTo(target, 0);
                    next++;
                    applied++;
                }

                data.SetControls(target);
                data.Step();
            }

            var (q, v) = Read(sample, order, log, robot);
            times.Add(at);
            loggedQ.Add(q);
            loggedV.Add(v);
            simQ.Add([.. qposAdr.Select(a => data.qpos[a])]);
            simV.Add([.. dofAdr.Select(a => data.qvel[a])]);
            commanded.Add((double[])target.Clone());
        }

        return new SimReplayResult
        {
            Log = log.File,
            Label = log.Label,
            Robot = robot.Name,
            Joints = robot.Spec.JointNames,
            TimestepS = dt,
            StartLogTime = Time(start),
            CommandsApplied = applied,
            Times = [.. times],
            LoggedPosition = [.. loggedQ],
            SimulatedPosition = [.. simQ],
            LoggedVelocity = [.. loggedV],
            SimulatedVelocity = [.. simV],
            Commanded = [.. commanded],
        };
    }

    /// <summary>When a joint state was measured: its header stamp, else its log time.</summary>
    private static ulong Time(Logged<JointState> state)
    {
        var stamp = state.Message.Header.Stamp;
        return stamp.Sec > 0 || stamp.Nanosec > 0 ? ((ulong)stamp.Sec * 1_000_000_000) + stamp.Nanosec : state.LogTime;
    }

    /// <summary>The log-time span of episode <paramref name="episode"/>: between /sim/reset messages, or the whole log without them.</summary>
    private static (ulong From, ulong To) Episode(DeploymentLog log, int episode)
    {
        var resets = log.SimResets.Select(r => r.LogTime).ToList();
        if (resets.Count == 0)
        {
            return episode == 0 ? (0UL, ulong.MaxValue)
                : throw new InvalidConfigException(log.File, log.Topics.SimReset, $"the log has no episode resets, so only episode 0 (the whole log); asked for episode {episode}");
        }

        if (episode < 0 || episode >= resets.Count)
        {
            throw new InvalidConfigException(log.File, log.Topics.SimReset, $"the log holds episodes 0..{resets.Count - 1} ({resets.Count} resets); asked for episode {episode}");
        }

        return (resets[episode], episode + 1 < resets.Count ? resets[episode + 1] : ulong.MaxValue);
    }

    private static double Seconds(ulong time, ulong start) => time >= start ? (time - start) / 1e9 : -((start - time) / 1e9);

    /// <summary>For each spec joint, its index in the logged JointState arrays.</summary>
    private static int[] JointOrder(DeploymentLog log, RobotConfig robot, Logged<JointState> first)
    {
        var names = first.Message.Name;
        if (names.Length == 0)
        {
            return first.Message.Position.Length == robot.Joints.Count
                ? [.. Enumerable.Range(0, robot.Joints.Count)]
                : throw new InvalidConfigException(log.File, log.Topics.JointStates,
                    $"record {first.Index} names no joints and holds {first.Message.Position.Length} positions; robot '{robot.Name}' has {robot.Joints.Count} joints");
        }

        return [.. robot.Joints.Select(j => Array.IndexOf(names, j.Name) is var i and >= 0
            ? i
            : throw new InvalidConfigException(log.File, log.Topics.JointStates,
                $"record {first.Index} has no joint '{j.Name}' of robot '{robot.Name}' (it names: {string.Join(", ", names)})"))];
    }

    private static (double[] Position, double[] Velocity) Read(Logged<JointState> sample, int[] order, DeploymentLog log, RobotConfig robot)
    {
        var m = sample.Message;
        var most = order.Max();
        if (m.Position.Length <= most || m.Velocity.Length <= most)
        {
            throw new InvalidConfigException(log.File, log.Topics.JointStates, string.Create(CultureInfo.InvariantCulture,
                $"record {sample.Index} holds {m.Position.Length} positions and {m.Velocity.Length} velocities; robot '{robot.Name}' needs both for joint index {most}"));
        }

        return ([.. order.Select(i => m.Position[i])], [.. order.Select(i => m.Velocity[i])]);
    }

    private static void SetJoints(MjData data, Logged<JointState> start, int[] order, int[] qposAdr, int[] dofAdr, DeploymentLog log, RobotConfig robot)
    {
        var (q, v) = Read(start, order, log, robot);
        for (var j = 0; j < q.Length; j++)
        {
            data.qpos[qposAdr[j]] = q[j];
            data.qvel[dofAdr[j]] = v[j];
        }
    }

    // A free joint holds position then a (w, x, y, z) quaternion; its velocity is world-frame linear then body-frame
    // angular. nav_msgs/Odometry gives the twist in child_frame_id (the base), as sim serve and robot drivers do, so
    // the linear part is turned into the world frame and the angular part goes in as it is.
    private static void SetBase(MjData data, MjModel model, string joint, Odometry odometry)
    {
        var id = model.JointId(joint);
        var qpos = data.qpos.Slice(model.jnt_qposadr[id], 7);
        var qvel = data.qvel.Slice(model.jnt_dofadr[id], 6);
        var pose = odometry.Pose.Pose;
        var twist = odometry.Twist.Twist;
        var orientation = new Quat(pose.Orientation.W, pose.Orientation.X, pose.Orientation.Y, pose.Orientation.Z);
        var linear = orientation.Rotate(new Vec3(twist.Linear.X, twist.Linear.Y, twist.Linear.Z));
        double[] position = [pose.Position.X, pose.Position.Y, pose.Position.Z, orientation.W, orientation.X, orientation.Y, orientation.Z];
        double[] velocity = [linear.X, linear.Y, linear.Z, twist.Angular.X, twist.Angular.Y, twist.Angular.Z];
        position.CopyTo(qpos);
        velocity.CopyTo(qvel);
    }
}
