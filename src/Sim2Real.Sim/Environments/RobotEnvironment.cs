using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Tasks;

namespace Sim2Real.Sim.Environments;

/// <summary>
/// One robot, one task, one model copy of its own (so per-episode randomization never leaks into another
/// environment). A control step: normalized action -> joint targets -> action delay line -> PD actuators, then
/// physics_steps_per_control physics steps. An agent step repeats that ActionRepeat times.
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
    private readonly FrameStack? _stack;
    private readonly byte[]? _frame;
    private readonly PhysicsRandomizer _physics;
    private readonly VisualRandomizer _visual;
    private readonly ActionDelayLine _delay;
    private readonly ImageNoise _imageNoise = new(7);
    private readonly string[] _actuators;
    private readonly int[] _qposAdr;
    private readonly int[] _dofAdr;
    private readonly double[] _home;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly double[] _scale;
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
        if (frames is not null)
        {
            _stack = new FrameStack(options.FrameStack, frames.Width, frames.Height);
            _frame = new byte[3 * frames.Width * frames.Height];
        }

        // Visual factors are sampled even without pixel observations, so videos of the episode show them.
        _visual = new VisualRandomizer(model, _ranges.Visual);

        _physics = new PhysicsRandomizer(model, _ranges.Physics.Bodies);
        _pushBody = _ranges.Physics.Push.ProbabilityPerStep > 0 ? model.BodyId(_ranges.Physics.Push.Body) : -1;

        var n = robot.Joints.Count;
        _actuators = robot.Joints.Select(j => j.Name).ToArray();
        _qposAdr = robot.Joints.Select(j => model.jnt_qposadr[model.JointId(j.Name)]).ToArray();
        _dofAdr = robot.Joints.Select(j => model.jnt_dofadr[model.JointId(j.Name)]).ToArray();
        _low = robot.Joints.Select(j => j.PositionLimitRad.Min).ToArray();
        _high = robot.Joints.Select(j => j.PositionLimitRad.Max).ToArray();
        _scale = robot.Joints.Select(j => j.ActionScaleRad).ToArray();
        var home = model.KeyframeId("home");
        _home = model.key_ctrl.Slice(home * model.nu, model.nu).ToArray();
        _target = new double[n];
        _action = new float[n];
        _previousAction = new float[n];
        _delay = new ActionDelayLine(n);
        _factors = EnvironmentFactors.Nominal([.. _ranges.Physics.Bodies], _actuators);

        var specs = new List<ArraySpec>
        {
            new(Observation.Proprio, [3 * n], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity),
            new(Observation.Task, [_task.ObservationSize], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity),
            new(Observation.EnvFactors, [_factors.Size], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity),
        };
        if (_stack is not null)
        {
            specs.Add(new(Observation.PixelsName, [3 * _stack.Depth, _stack.Height, _stack.Width], ArrayDType.UInt8, 0, 255));
        }

        ObservationSpec = specs;
        ActionSpec = new ArraySpec("action", [n], ArrayDType.Float32, -1, 1);
    }

    public IReadOnlyList<ArraySpec> ObservationSpec { get; }

    public ArraySpec ActionSpec { get; }

    /// <summary>The names of the e_t elements, in observation order.</summary>
    public IReadOnlyList<string> FactorNames => _factors.Names();

    internal RobotConfig Robot => _robot;

    internal MjModel Model => _model;

    internal MjData Data => _data;

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
            return StartEpisode(SeedMixer.Mix(_seed, _episode + 1));
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
        return new TimeStep(
            _last ? StepType.Last : StepType.Mid,
            reward,
            terminated ? 0 : 1,
            terminated,
            truncated,
            Observe(),
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
        var physicsRandom = new Random(SeedMixer.Mix(seed, 1));
        var taskRandom = new Random(SeedMixer.Mix(seed, 2));
        _noise = new Random(SeedMixer.Mix(seed, 3));
        var visualRandom = new Random(SeedMixer.Mix(seed, 4));

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
        _data.SetControls(_target);
        _delay.Reset(_factors.LatencySteps, _target);
        Array.Clear(_action);
        Array.Clear(_previousAction);
        _controlStep = 0;
        _pushStepsLeft = 0;
        _data.Forward();
        _last = false;

        var observation = Observe(resetFrames: true);
        var outcome = _task.Evaluate(_data, new StepContext(_action, _previousAction));
        return new TimeStep(StepType.First, 0, 1, false, false, observation, new StepInfo(outcome.Success, _factors, _visualFactors, outcome.Metrics, _episode, 0));
    }

    private TaskOutcome ControlStep(ReadOnlySpan<float> action)
    {
        _action.CopyTo(_previousAction, 0);
        for (var i = 0; i < _action.Length; i++)
        {
            var a = Math.Clamp(action[i], -1f, 1f);
            _action[i] = a;
            var origin = _robot.Control.ActionMode == ActionMode.PositionDelta ? _target[i] : _home[i];
            _target[i] = Math.Clamp(origin + (a * _scale[i]), _low[i], _high[i]);
        }

        _data.SetControls(_delay.Push(_target));
        ApplyPush();
        _data.Step(_robot.Control.PhysicsStepsPerControl);
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

    private Observation Observe(bool resetFrames = false)
    {
        var n = _action.Length;
        var proprio = new float[3 * n];
        var qpos = _data.qpos;
        var qvel = _data.qvel;
        var noisy = _options.Randomize;
        var positionNoise = _ranges.Physics.JointPositionNoiseRad;
        var velocityNoise = _ranges.Physics.JointVelocityNoiseRadS;
        for (var i = 0; i < n; i++)
        {
            var q = qpos[_qposAdr[i]] - _home[i];
            var v = qvel[_dofAdr[i]];
            if (noisy)
            {
                q += positionNoise * VisualRandomizer.Gaussian(_noise);
                v += velocityNoise * VisualRandomizer.Gaussian(_noise);
            }

            proprio[i] = (float)q;
            proprio[n + i] = (float)v;
            proprio[(2 * n) + i] = _action[i];
        }

        var task = new float[_task.ObservationSize];
        _task.WriteObservation(_data, task);
        var floats = new Dictionary<string, float[]>
        {
            [Observation.Proprio] = proprio,
            [Observation.Task] = task,
            [Observation.EnvFactors] = _factors.ToVector(),
        };

        byte[]? pixels = null;
        if (_frames is not null && _stack is not null && _frame is not null)
        {
            _frames.Render(_data, _frame);
            if (noisy && _ranges.Visual.ImageNoiseStd > 0)
            {
                _imageNoise.Apply(_frame, _ranges.Visual.ImageNoiseStd, _noise);
            }

            if (resetFrames)
            {
                _stack.Reset(_frame);
            }
            else
            {
                _stack.Push(_frame);
            }

            pixels = new byte[_stack.Depth * _stack.FrameBytes];
            _stack.CopyTo(pixels);
        }

        return new Observation(floats, pixels);
    }
}
