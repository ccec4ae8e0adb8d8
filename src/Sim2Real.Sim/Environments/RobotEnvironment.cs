using Sim2Real.Core;
using Sim2Real.Core.Imaging;
using Sim2Real.Robotics;
using Sim2Real.Robotics.Actions;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Tasks;
using Sim2Real.Sim.Worlds;

namespace Sim2Real.Sim.Environments;

/// <summary>
/// One robot, one task, one model copy of its own (so per-episode randomization never leaks into another
/// environment). A control step: normalized action -> the shared <see cref="ActionMapper"/> (clamp, offset or
/// delta, limits, rate limit) -> the <see cref="RobotSimulation"/> core (delay line, PD actuators, the physics steps
/// of one control period). An agent step repeats that ActionRepeat times; then the robot is read as a real one would
/// be (joint readings with the world's sensor noise and bias, the base's odometry, the task command) and the shared
/// <see cref="ObservationBuilder"/> makes the state vector. A camera, when enabled, renders one raw frame per agent
/// step at its own resolution, as a physical camera delivers it; the policy's frame pipeline runs outside the simulator.
/// </summary>
internal sealed class RobotEnvironment : IEnvironment
{
    private readonly EnvironmentOptions _options;
    private readonly RobotSimulation _sim;
    private readonly IFrameSource? _frames;
    private readonly ActionMapper _mapper;
    private readonly ObservationBuilder _builder;
    private readonly ObservationInputs _inputs;
    private readonly string[] _actuators;
    private readonly double[] _home;
    private readonly double[] _target;
    private readonly float[] _action;
    private readonly float[] _previousAction;
    private readonly string _name;
    private int _seed;
    private int _episode = -1;
    private bool _last = true;

    public RobotEnvironment(EnvironmentOptions options, RobotConfig robot, TaskDefinition task, World world, MjModel model, IFrameSource? frames)
    {
        _options = options;
        _name = $"{robot.Name}/{task.Name}";
        _sim = new RobotSimulation(options, robot, task, world, model);
        _frames = frames;

        var n = robot.Joints.Count;
        _actuators = robot.Joints.Select(j => j.Name).ToArray();
        _home = robot.Spec.Home();
        _target = new double[n];
        _action = new float[n];
        _previousAction = new float[n];
        _mapper = new ActionMapper(robot.Spec, _name);
        Layout = ObservationLayout.Create(_sim.TaskLogic.Layout, n, _name);
        _builder = new ObservationBuilder(Layout, robot.Spec);
        _inputs = new ObservationInputs(n, _sim.TaskLogic.TaskStateSize);

        var specs = new List<ArraySpec>
        {
            new(Observation.StateName, [Layout.Size], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity),
            new(Observation.PrivilegedName, [_sim.Factors.Size], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity),
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

    public RobotConfig Robot => _sim.Robot;

    public string? Camera => _frames?.Camera;

    /// <summary>The names of the e_t elements, in observation order.</summary>
    public IReadOnlyList<string> FactorNames => _sim.Factors.Names();

    /// <summary>The world episodes are drawn from.</summary>
    public World World => _sim.World;

    internal RobotSimulation Simulation => _sim;

    internal MjModel Model => _sim.Model;

    internal MjData Data => _sim.Data;

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
            _action.CopyTo(_previousAction, 0);
            _mapper.Map(action, _action, _target);
            var outcome = _sim.ControlStep(_target, _action, _previousAction);
            reward += outcome.Reward;
            terminated = outcome.Terminated;
            success = outcome.Success;
            metrics = outcome.Metrics;
            truncated = !terminated && _sim.ControlSteps >= _sim.EpisodeControlSteps;
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
            new StepInfo(success, _sim.Factors, _sim.VisualFactors, metrics, _episode, _sim.ControlSteps));
    }

    public void Dispose()
    {
        _frames?.Dispose();
        _sim.Dispose();
    }

    private TimeStep StartEpisode(int seed)
    {
        _episode++;
        _sim.StartEpisode(seed);
        _home.CopyTo(_target, 0);
        _mapper.Reset(_home);
        Array.Clear(_action);
        Array.Clear(_previousAction);
        _last = false;

        var (observation, frame) = Observe();
        var outcome = _sim.Evaluate(_action, _previousAction);
        return new TimeStep(StepType.First, 0, 1, false, false, observation, frame, new StepInfo(outcome.Success, _sim.Factors, _sim.VisualFactors, outcome.Metrics, _episode, 0));
    }

    /// <summary>Reads the robot as its sensors would, builds the state vector, renders the camera.</summary>
    private (Observation Observation, Image? Frame) Observe()
    {
        _sim.ReadJoints(_inputs.JointPositions, _inputs.JointVelocities);
        _action.CopyTo(_inputs.PreviousAction, 0);
        if (_sim.ReadBase() is { } odometry)
        {
            _inputs.Base = odometry;
        }

        _sim.TaskLogic.WriteInputs(_sim.Data, _inputs);
        var state = new float[Layout.Size];
        _builder.Build(_inputs, state);

        Image? frame = null;
        if (_frames is not null)
        {
            var rgb = new byte[3 * _frames.Width * _frames.Height];
            _sim.RenderFrame(_frames, _sim.Data, rgb, _sim.Noise);
            frame = Image.FromRgb(_frames.Width, _frames.Height, rgb);
        }

        return (new Observation(state, privileged: _sim.Factors.ToVector()), frame);
    }
}
