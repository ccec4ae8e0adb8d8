using Sim2Real.Core;
using Sim2Real.Core.Imaging;
using Sim2Real.Robotics;
using Sim2Real.Robotics.Actions;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Tasks;

namespace Sim2Real.Sim.Environments;

/// <summary>
/// One robot, one task, one model copy of its own (so per-episode randomization never leaks into another
/// environment). A control step: normalized action -> the shared <see cref="ActionMapper"/> (clamp, offset or
/// delta, limits, rate limit) -> action delay line -> PD actuators, then the physics steps of one control period.
/// An agent step repeats that ActionRepeat times; then the robot is read as a real one would be (joint readings
/// with sensor noise, the base's odometry, the task command) and the shared <see cref="ObservationBuilder"/> makes
/// the state vector. A camera, when enabled, renders one raw frame per agent step at its own resolution, as a
/// physical camera delivers it; the policy's frame pipeline runs outside the simulator.
/// </summary>
internal sealed class RobotEnvironment : IEnvironment
{
    private readonly EnvironmentOptions _options;
    private readonly RobotConfig _robot;
    private readonly RandomizationConfig _ranges;
    private readonly MjModel _model;
    private readonly MjData _data;
    private readonly ITask _task;
    private readonly IFrameSource? _frames;
    private readonly PhysicsRandomizer _physics;
    private readonly VisualRandomizer _visual;
    private readonly ActionDelayLine _delay;
    private readonly ActionMapper _mapper;
    private readonly ObservationBuilder _builder;
    private readonly ObservationInputs _inputs;
    private readonly ImageNoise _imageNoise = new(7);
    private readonly string[] _actuators;
    private readonly int[] _qposAdr;
    private readonly int[] _dofAdr;
    private readonly int _baseQpos = -1;
    private readonly int _baseDof = -1;
    private readonly double[] _home;
    private readonly double[] _target;
    private readonly float[] _action;
    private readonly float[] _previousAction;
    private readonly int _pushBody;
    private readonly string _name;
    private Random _noise = new(0);
    private EnvironmentFactors _factors;
    private VisualFactors _visualFactors = VisualFactors.Nominal;
    private int _seed;
    private int _episode = -1;
    private int _controlStep;
    private int _pushStepsLeft;
    private double _pushX;
    private double _pushY;
    private bool _last = true;

    public RobotEnvironment(EnvironmentOptions options, RobotConfig robot, TaskDefinition task, MjModel model, IFrameSource? frames)
    {
        _options = options;
        _robot = robot;
        _ranges = options.Randomization ?? robot.Randomization;
        _model = model;
        _name = $"{robot.Name}/{task.Name}";
        _data = model.CreateData();
        _task = TaskCatalog.Create(task, model, robot, options);
        _frames = frames;

        // Visual factors are sampled even without a camera, so videos of the episode show them.
        _visual = new VisualRandomizer(model, _ranges.Visual);
        _physics = new PhysicsRandomizer(model, _ranges.Physics.Bodies);
        _pushBody = _ranges.Physics.Push.ProbabilityPerStep > 0 ? model.BodyId(_ranges.Physics.Push.Body) : -1;

        var n = robot.Joints.Count;
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
        _target = new double[n];
        _action = new float[n];
        _previousAction = new float[n];
        _delay = new ActionDelayLine(n);
        _mapper = new ActionMapper(robot.Spec, _name);
        Layout = ObservationLayout.Create(_task.Layout, n, _name);
        _builder = new ObservationBuilder(Layout, robot.Spec);
        _inputs = new ObservationInputs(n, _task.TaskStateSize);
        _factors = EnvironmentFactors.Nominal([.. _ranges.Physics.Bodies], _actuators);

        var specs = new List<ArraySpec>
        {
            new(Observation.StateName, [Layout.Size], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity),
            new(Observation.PrivilegedName, [_factors.Size], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity),
        };
        if (frames is not null)
        {
            specs.Add(new(Observation.FrameName, [frames.Height, frames.Width, 3], ArrayDType.UInt8, 0, 255));
        }

        ObservationSpec = specs;
        ActionSpec = new ArraySpec("action", [n], ArrayDType.Float32, -1, 1);
    }

    public IReadOnlyList<ArraySpec> ObservationSpec { get; }

    public ArraySpec ActionSpec { get; }

    public ObservationLayout Layout { get; }

    public RobotConfig Robot => _robot;

    public string? Camera => _frames?.Camera;

    /// <summary>The names of the e_t elements, in observation order.</summary>
    public IReadOnlyList<string> FactorNames => _factors.Names();

    internal MjModel Model => _model;

    internal MjData Data => _data;

    /// <summary>The last joint readings and task command the state vector was built from (for equality tests).</summary>
    internal ObservationInputs Inputs => _inputs;

    internal ObservationBuilder Builder => _builder;

    public TimeStep Reset(int seed)
    {
        _seed = seed;
        _episode = -1;
        return StartEpisode(seed);
    }

    public TimeStep Step(ReadOnlySpan<float> action)
    {
        if (_episode < 0)
        {
            throw new InvalidOperationException($"{_name}: call Reset(seed) before Step");
        }

        if (_last)
        {
            return StartEpisode(EpisodeSeeds.World(_seed, _episode + 1));
        }

        if (action.Length != _action.Length)
        {
            throw new ArgumentException($"{_name}: action has {action.Length} values; this robot has {_action.Length} actuators ({string.Join(", ", _actuators)})", nameof(action));
        }

        for (var i = 0; i < action.Length; i++)
        {
            if (!float.IsFinite(action[i]))
            {
                throw new NonFiniteActionException(_name, i, _actuators[i], action[i]);
            }
        }

        var reward = 0.0;
        var terminated = false;
        var truncated = false;
        var success = false;
        IReadOnlyDictionary<string, double> metrics = new Dictionary<string, double>();
        for (var r = 0; r < _options.ActionRepeat && !terminated && !truncated; r++)
        {
            var outcome = ControlStep(action);
            reward += outcome.Reward;
            terminated = outcome.Terminated;
            success = outcome.Success;
            metrics = outcome.Metrics;
            truncated = !terminated && _controlStep >= _task.EpisodeControlSteps;
        }

        _last = terminated || truncated;
        var (observation, frame) = Observe();
        return new TimeStep(
            _last ? StepType.Last : StepType.Mid,
            reward,
            terminated ? 0 : 1,
            terminated,
            truncated,
            observation,
            frame,
            new StepInfo(success, _factors, _visualFactors, metrics, _episode, _controlStep));
    }

    public void Dispose()
    {
        _frames?.Dispose();
        _data.Dispose();
        _model.Dispose();
    }

    private TimeStep StartEpisode(int seed)
    {
        _episode++;
        var physicsRandom = new Random(EpisodeSeeds.Stream(seed, EpisodeStream.Physics));
        var taskRandom = new Random(EpisodeSeeds.Stream(seed, EpisodeStream.Task));
        _noise = new Random(EpisodeSeeds.Stream(seed, EpisodeStream.Noise));
        var visualRandom = new Random(EpisodeSeeds.Stream(seed, EpisodeStream.Visual));

        _factors = _options.Randomize
            ? FactorSampler.Sample(_ranges.Physics, _actuators, physicsRandom)
            : EnvironmentFactors.Nominal([.. _ranges.Physics.Bodies], _actuators);
        _physics.Apply(_factors, _data);
        if (_options.Randomize)
        {
            _visualFactors = _visual.Apply(visualRandom);
        }
        else
        {
            _visual.Restore();
            _visualFactors = VisualFactors.Nominal;
        }

        _data.ResetToKeyframe("home");
        _task.Reset(_data, taskRandom);
        _home.CopyTo(_target, 0);
        _mapper.Reset(_home);
        _data.SetControls(_target);
        _delay.Reset(_factors.LatencySteps, _target);
        Array.Clear(_action);
        Array.Clear(_previousAction);
        _controlStep = 0;
        _pushStepsLeft = 0;
        _data.Forward();
        _last = false;

        var (observation, frame) = Observe();
        var outcome = _task.Evaluate(_data, new StepContext(_action, _previousAction));
        return new TimeStep(StepType.First, 0, 1, false, false, observation, frame, new StepInfo(outcome.Success, _factors, _visualFactors, outcome.Metrics, _episode, 0));
    }

    private TaskOutcome ControlStep(ReadOnlySpan<float> action)
    {
        _action.CopyTo(_previousAction, 0);
        _mapper.Map(action, _action, _target);
        _data.SetControls(_delay.Push(_target));
        ApplyPush();
        _data.Step(_robot.PhysicsStepsPerControl);
        _controlStep++;
        return _task.Evaluate(_data, new StepContext(_action, _previousAction));
    }

    private void ApplyPush()
    {
        if (_pushBody < 0 || !_options.Randomize)
        {
            return;
        }

        var push = _ranges.Physics.Push;
        if (_pushStepsLeft == 0 && _noise.NextDouble() < push.ProbabilityPerStep)
        {
            var force = FactorSampler.Uniform(_noise, push.ForceN);
            var angle = 2 * Math.PI * _noise.NextDouble();
            _pushX = force * Math.Cos(angle);
            _pushY = force * Math.Sin(angle);
            _pushStepsLeft = push.DurationSteps;
        }

        var wrench = _data.xfrc_applied.Slice(6 * _pushBody, 6);
        if (_pushStepsLeft > 0)
        {
            wrench[0] = _pushX;
            wrench[1] = _pushY;
            _pushStepsLeft--;
        }
        else
        {
            wrench[0] = 0;
            wrench[1] = 0;
        }
    }

    /// <summary>Reads the robot as its sensors would, builds the state vector, renders the camera.</summary>
    private (Observation Observation, Image? Frame) Observe()
    {
        var qpos = _data.qpos;
        var qvel = _data.qvel;
        var noisy = _options.Randomize;
        var positionNoise = _ranges.Physics.JointPositionNoiseRad;
        var velocityNoise = _ranges.Physics.JointVelocityNoiseRadS;
        for (var i = 0; i < _action.Length; i++)
        {
            var q = qpos[_qposAdr[i]];
            var v = qvel[_dofAdr[i]];
            if (noisy)
            {
                q += positionNoise * VisualRandomizer.Gaussian(_noise);
                v += velocityNoise * VisualRandomizer.Gaussian(_noise);
            }

            _inputs.JointPositions[i] = q;
            _inputs.JointVelocities[i] = v;
        }

        _action.CopyTo(_inputs.PreviousAction, 0);
        if (_baseQpos >= 0)
        {
            // A free joint's qvel is world-frame linear and body-frame angular velocity, as odometry reports them.
            _inputs.Base = new BaseState(
                new Pose(Vec3.From(qpos.Slice(_baseQpos, 3)), Quat.From(qpos.Slice(_baseQpos + 3, 4)).Normalized()),
                Vec3.From(qvel.Slice(_baseDof, 3)),
                Vec3.From(qvel.Slice(_baseDof + 3, 3)));
        }

        _task.WriteInputs(_data, _inputs);
        var state = new float[Layout.Size];
        _builder.Build(_inputs, state);

        Image? frame = null;
        if (_frames is not null)
        {
            var rgb = new byte[3 * _frames.Width * _frames.Height];
            _frames.Render(_data, rgb);
            if (noisy && _ranges.Visual.ImageNoiseStd > 0)
            {
                _imageNoise.Apply(rgb, _ranges.Visual.ImageNoiseStd, _noise);
            }

            frame = Image.FromRgb(_frames.Width, _frames.Height, rgb);
        }

        return (new Observation(state, privileged: _factors.ToVector()), frame);
    }
}
