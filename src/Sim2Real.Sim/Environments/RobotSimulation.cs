using Sim2Real.Core;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Rendering;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Tasks;
using Sim2Real.Sim.Worlds;

namespace Sim2Real.Sim.Environments;

/// <summary>
/// One simulated robot in one world, driven by joint position targets: the core that <see cref="RobotEnvironment"/>
/// (which maps normalized actions to targets) and the served robot (which takes targets over ROS 2) share. It owns
/// the model copy and its data, samples each episode's world (physical and visual factors, then the world's fixed
/// perturbation), runs the actuation delay line, random and commanded pushes, reads the joints as their sensors do
/// (noise, bias) and renders camera frames. Physics advances one step at a time (<see cref="StepPhysics"/>), the way
/// a controller updating at the physics rate drives it, or by whole control periods (<see cref="ControlStep"/>).
/// Not thread-safe: one thread steps it.
/// </summary>
public sealed class RobotSimulation : IDisposable
{
    private readonly RobotConfig _robot;
    private readonly World _world;
    private readonly MjModel _model;
    private readonly MjData _data;
    private readonly ITask _task;
    private readonly PhysicsRandomizer _physics;
    private readonly VisualRandomizer _visual;
    private readonly ActionDelayLine _delay;
    private readonly ImageNoise _imageNoise = new(7);
    private readonly string[] _actuators;
    private readonly string[] _bodies;
    private readonly int[] _qposAdr;
    private readonly int[] _dofAdr;
    private readonly int _baseQpos = -1;
    private readonly int _baseDof = -1;
    private readonly double[] _home;
    private readonly double[] _bias;
    private readonly int _randomPushBody;
    private readonly int _pushBody;
    private double[]? _kp;
    private double[]? _kd;
    private Random _noise = new(0);
    private EnvironmentFactors _factors;
    private VisualFactors _visualFactors = VisualFactors.Nominal;
    private int _pushStepsLeft;
    private double _pushX;
    private double _pushY;
    private double _randomX;
    private double _randomY;
    private Vec3 _commandedPush;

    internal RobotSimulation(EnvironmentOptions options, RobotConfig robot, TaskDefinition task, World world, MjModel model)
    {
        _robot = robot;
        _world = world;
        _model = model;
        Task = task;
        Name = $"{robot.Name}/{task.Name}";
        _data = model.CreateData();
        _task = TaskCatalog.Create(task, model, robot, options);

        // The training bodies name the privileged factors in every world, so e_t keeps one layout.
        var training = options.Randomization ?? robot.Randomization;
        var ranges = world.Ranges ?? training;
        _bodies = [.. ranges.Physics.Bodies];
        _visual = new VisualRandomizer(model, ranges.Visual);
        _physics = new PhysicsRandomizer(model, _bodies);
        var push = ranges.Physics.Push;
        _randomPushBody = world.Randomizes && push.ProbabilityPerStep > 0 ? model.BodyId(push.Body) : -1;
        var pushBody = string.IsNullOrEmpty(push.Body) ? training.Physics.Push.Body : push.Body;
        _pushBody = string.IsNullOrEmpty(pushBody) ? 1 : model.BodyId(pushBody);

        _actuators = robot.Joints.Select(j => j.Name).ToArray();
        _qposAdr = robot.Joints.Select(j => model.jnt_qposadr[model.JointId(j.Name)]).ToArray();
        _dofAdr = robot.Joints.Select(j => model.jnt_dofadr[model.JointId(j.Name)]).ToArray();
        if (robot.Spec.Kinematics.FreeJoint is { } free)
        {
            var root = model.JointId(free.Name);
            _baseQpos = model.jnt_qposadr[root];
            _baseDof = model.jnt_dofadr[root];
        }

        _home = robot.Spec.Home();
        _bias = world.Perturbation.JointBias(_actuators.Length);
        _delay = new ActionDelayLine(_actuators.Length);
        _factors = EnvironmentFactors.Nominal(_bodies, _actuators);
        PhysicsStepsPerControl = robot.PhysicsStepsPerControl;
    }

    /// <summary><c>robot/task</c>, named in errors.</summary>
    public string Name { get; }

    public RobotConfig Robot => _robot;

    public TaskDefinition Task { get; }

    public World World => _world;

    public MjModel Model => _model;

    /// <summary>The simulation state. Read it; step it only through this class.</summary>
    public MjData Data => _data;

    public int JointCount => _actuators.Length;

    public int PhysicsStepsPerControl { get; }

    /// <summary>The model's physics timestep (s).</summary>
    public double TimestepS => _model.opt.timestep;

    /// <summary>Seconds of simulated time since the episode started.</summary>
    public double Time => _data.time;

    /// <summary>This episode's physical factors (RMA's e_t), after the world's perturbation.</summary>
    public EnvironmentFactors Factors => _factors;

    public VisualFactors VisualFactors => _visualFactors;

    /// <summary>Control periods completed in this episode.</summary>
    public int ControlSteps { get; private set; }

    /// <summary>Physics steps taken in this episode.</summary>
    public long PhysicsSteps { get; private set; }

    /// <summary>Control periods per episode before the task truncates it.</summary>
    public int EpisodeControlSteps => _task.EpisodeControlSteps;

    /// <summary>The stream pushes draw from (and, in the learning environment, observation noise).</summary>
    internal Random Noise => _noise;

    internal ITask TaskLogic => _task;

    /// <summary>The task's target point (world frame, m) for a reaching task; null for tasks without one.</summary>
    public Vec3? Target => _task is ReachTask reach ? new Vec3(reach.Target[0], reach.Target[1], reach.Target[2]) : null;

    /// <summary>The velocity command (forward m/s, sideways m/s, yaw rate rad/s) of a walking task; null for others.</summary>
    public Vec3? VelocityCommand => _task is WalkTask walk ? new Vec3(walk.Command[0], walk.Command[1], walk.Command[2]) : null;

    /// <summary>Replaces a walking task's command for the rest of the episode (a teleop's /cmd_vel); false for other tasks.</summary>
    public bool SetVelocityCommand(Vec3 command)
    {
        if (_task is not WalkTask walk)
        {
            return false;
        }

        walk.SetCommand(command.X, command.Y, command.Z);
        return true;
    }

    /// <summary>The body random and commanded pushes act on (robot.yaml <c>randomization.physics.push.body</c>).</summary>
    public string PushBody => _model.Name(MjtObj.mjOBJ_BODY, _pushBody) ?? $"#{_pushBody}";

    /// <summary>
    /// Starts the world seeded <paramref name="worldSeed"/> (<see cref="EpisodeSeeds.World"/>): samples its factors,
    /// resets to the home keyframe, lets the task place its target or command, and holds the home pose as target.
    /// </summary>
    public void StartEpisode(int worldSeed)
    {
        var physicsRandom = new Random(EpisodeSeeds.Stream(worldSeed, EpisodeStream.Physics));
        var taskRandom = new Random(EpisodeSeeds.Stream(worldSeed, EpisodeStream.Task));
        _noise = new Random(EpisodeSeeds.Stream(worldSeed, EpisodeStream.Noise));
        var visualRandom = new Random(EpisodeSeeds.Stream(worldSeed, EpisodeStream.Visual));

        var sampled = _world.Ranges is { } ranges
            ? FactorSampler.Sample(ranges.Physics, _actuators, physicsRandom)
            : EnvironmentFactors.Nominal(_bodies, _actuators);
        _factors = WorldFactors.Apply(sampled, _world.Perturbation, _robot.Control.PeriodS);
        _physics.Apply(_factors, _data);
        if (_kp is not null)
        {
            _physics.SetGains(_factors, _kp, _kd!);
        }

        if (_world.Randomizes)
        {
            _visualFactors = _visual.Apply(visualRandom);
        }
        else
        {
            _visual.Restore();
            _visualFactors = VisualFactors.Nominal;
        }

        WorldVisuals.Apply(_model, _world.Perturbation);
        _data.ResetToKeyframe("home");
        _task.Reset(_data, taskRandom);
        _data.SetControls(_home);
        // The delay line runs per physics step: k control steps of latency are k whole periods of physics steps.
        _delay.Reset(_factors.LatencySteps * PhysicsStepsPerControl, _home);
        ControlSteps = 0;
        PhysicsSteps = 0;
        _pushStepsLeft = 0;
        (_randomX, _randomY) = (0, 0);
        WriteWrench();
        _data.Forward();
    }

    /// <summary>
    /// One physics step towards <paramref name="target"/> (joint positions in spec order, already within limits):
    /// the target enters the delay line and the one leaving it drives the PD servos. Random pushes start on
    /// control-period boundaries, as in training.
    /// </summary>
    public void StepPhysics(ReadOnlySpan<double> target)
    {
        if (PhysicsSteps % PhysicsStepsPerControl == 0)
        {
            ApplyPush();
        }

        _data.SetControls(_delay.Push(target));
        _data.Step();
        PhysicsSteps++;
        if (PhysicsSteps % PhysicsStepsPerControl == 0)
        {
            ControlSteps++;
        }
    }

    /// <summary>
    /// A whole control period with <paramref name="target"/> held, then the task's verdict. <paramref name="action"/>
    /// and <paramref name="previousAction"/> are the normalized actions behind it, for the task's smoothness terms
    /// (empty when targets come from elsewhere).
    /// </summary>
    public TaskOutcome ControlStep(ReadOnlySpan<double> target, ReadOnlySpan<float> action, ReadOnlySpan<float> previousAction)
    {
        for (var s = 0; s < PhysicsStepsPerControl; s++)
        {
            StepPhysics(target);
        }

        return Evaluate(action, previousAction);
    }

    /// <summary>The task's reward, status and metrics for the current state.</summary>
    public TaskOutcome Evaluate(ReadOnlySpan<float> action, ReadOnlySpan<float> previousAction) =>
        _task.Evaluate(_data, new StepContext(action, previousAction));

    /// <summary>
    /// Joint readings as the robot's encoders give them: positions and velocities in spec order, with the world's
    /// observation noise drawn from <paramref name="noise"/> when the world samples ranges, plus its fixed bias.
    /// </summary>
    public void ReadJoints(Span<double> positions, Span<double> velocities, Random noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        var qpos = _data.qpos;
        var qvel = _data.qvel;
        var ranges = _world.Ranges;
        var positionNoise = ranges?.Physics.JointPositionNoiseRad ?? 0;
        var velocityNoise = ranges?.Physics.JointVelocityNoiseRadS ?? 0;
        for (var i = 0; i < _actuators.Length; i++)
        {
            var q = qpos[_qposAdr[i]];
            var v = qvel[_dofAdr[i]];
            if (ranges is not null)
            {
                q += positionNoise * VisualRandomizer.Gaussian(noise);
                v += velocityNoise * VisualRandomizer.Gaussian(noise);
            }

            positions[i] = q + _bias[i];
            velocities[i] = v;
        }
    }

    /// <summary>Joint readings with this simulation's own noise stream (the learning environment's).</summary>
    public void ReadJoints(Span<double> positions, Span<double> velocities) => ReadJoints(positions, velocities, _noise);

    /// <summary>The actuators' output (N m), in spec order.</summary>
    public void ReadEfforts(Span<double> efforts) => _data.actuator_force.CopyTo(efforts);

    /// <summary>The floating base's pose and velocity (world-frame linear, body-frame angular), or null for a fixed base.</summary>
    public BaseState? ReadBase()
    {
        if (_baseQpos < 0)
        {
            return null;
        }

        // A free joint's qvel is world-frame linear and body-frame angular velocity, as odometry reports them.
        var qpos = _data.qpos;
        var qvel = _data.qvel;
        return new BaseState(
            new Pose(Vec3.From(qpos.Slice(_baseQpos, 3)), Quat.From(qpos.Slice(_baseQpos + 3, 4)).Normalized()),
            Vec3.From(qvel.Slice(_baseDof, 3)),
            Vec3.From(qvel.Slice(_baseDof + 3, 3)));
    }

    /// <summary>
    /// Overrides robot.yaml's PD gains (kp, kd per joint, spec order) until called again; the world's gain and
    /// strength factors still scale them, as they would a real motor's. Kept across episodes.
    /// </summary>
    public void SetGains(ReadOnlySpan<double> kp, ReadOnlySpan<double> kd)
    {
        if (kp.Length != JointCount || kd.Length != JointCount)
        {
            throw new ArgumentException($"{Name}: gains for {kp.Length} and {kd.Length} joints given; the robot has {JointCount}");
        }

        _kp = kp.ToArray();
        _kd = kd.ToArray();
        _physics.SetGains(_factors, _kp, _kd);
    }

    /// <summary>A force (N, world frame) on <see cref="PushBody"/> from the next physics step until changed; zero ends it.</summary>
    public void SetCommandedPush(Vec3 forceN)
    {
        _commandedPush = forceN;
        WriteWrench();
    }

    /// <summary>
    /// Renders camera <paramref name="camera"/> of this model from <paramref name="data"/> (this model's own, or a
    /// snapshot of it) with the world's image noise drawn from <paramref name="noise"/>.
    /// </summary>
    public void RenderFrame(MjRenderer renderer, int camera, MjData data, Span<byte> rgb, Random noise)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(noise);
        renderer.Render(data, camera, rgb);
        if (_world.Ranges is { } ranges && ranges.Visual.ImageNoiseStd > 0)
        {
            _imageNoise.Apply(rgb, ranges.Visual.ImageNoiseStd, noise);
        }
    }

    /// <summary>Renders <paramref name="frames"/>' camera from <paramref name="data"/> (this model's, e.g. a snapshot) with the world's image noise.</summary>
    internal void RenderFrame(IFrameSource frames, MjData data, Span<byte> rgb, Random noise)
    {
        frames.Render(data, rgb);
        if (_world.Ranges is { } ranges && ranges.Visual.ImageNoiseStd > 0)
        {
            _imageNoise.Apply(rgb, ranges.Visual.ImageNoiseStd, noise);
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        _model.Dispose();
    }

    private void ApplyPush()
    {
        if (_randomPushBody >= 0)
        {
            var push = _world.Ranges!.Physics.Push;
            if (_pushStepsLeft == 0 && _noise.NextDouble() < push.ProbabilityPerStep)
            {
                var force = FactorSampler.Uniform(_noise, push.ForceN);
                var angle = 2 * Math.PI * _noise.NextDouble();
                _pushX = force * Math.Cos(angle);
                _pushY = force * Math.Sin(angle);
                _pushStepsLeft = push.DurationSteps;
            }

            if (_pushStepsLeft > 0)
            {
                (_randomX, _randomY) = (_pushX, _pushY);
                _pushStepsLeft--;
            }
            else
            {
                (_randomX, _randomY) = (0, 0);
            }
        }

        WriteWrench();
    }

    // The random push (training's) and the commanded one (a fault) add up on the push body.
    private void WriteWrench()
    {
        var applied = _data.xfrc_applied;
        if (_randomPushBody >= 0)
        {
            var random = applied.Slice(6 * _randomPushBody, 6);
            random[0] = _randomX;
            random[1] = _randomY;
        }

        var wrench = applied.Slice(6 * _pushBody, 6);
        var same = _randomPushBody == _pushBody;
        wrench[0] = (same ? _randomX : 0) + _commandedPush.X;
        wrench[1] = (same ? _randomY : 0) + _commandedPush.Y;
        wrench[2] = _commandedPush.Z;
    }
}
