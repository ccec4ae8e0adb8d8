using Sim2Real.Core;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.RosgraphMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Messages.Tf2Msgs;
using Sim2Real.Ros.Messages.TrajectoryMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Tasks;
using Sim2Real.SimRobot.Commands;
using Sim2Real.SimRobot.Faults;
using Sim2Real.SimRobot.Sensors;
using Sim2Real.SimRobot.Serving.Inputs;
using Pose = Sim2Real.Robotics.Geometry.Pose;

namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// One simulated robot served over ROS 2 as a ros2_control robot is: joint states out, position and trajectory
/// commands and PD gains in, with the cameras, base sensors, /tf, the task's target and score, episode resets and
/// injected faults. Everything that touches the simulation runs on the thread that calls <see cref="Run"/>; DDS
/// threads only queue what they receive.
/// </summary>
public sealed class SimRobotServer : IDisposable
{
    private const int MaxLagSteps = 50;

    private readonly SimServeOptions _options;
    private readonly TextWriter _log;
    private readonly TimeProvider _time;
    private readonly RobotSimulation _sim;
    private readonly RosNode _node;
    private readonly ServeTopics _topics;
    private readonly InputQueue _inputs = new();
    private readonly FaultBoard _faults;
    private readonly CommandState _commands;
    private readonly JointLimits _limits;
    private readonly JointReadout _readout;
    private readonly TfFrames _tf;
    private readonly BaseSensors? _base;
    private readonly RobotClock _clock;
    private readonly FaultDiagnostics _report;
    private readonly List<CameraStream> _cameras = [];
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<(string Topic, RosTypeName Type)> _endpoints = [];
    private readonly List<FaultTransition> _transitions = [];
    private readonly Lock _modelGate = new();
    private readonly RosPublisher<JointState> _jointStates;
    private readonly RosPublisher<TFMessage> _tfPublisher;
    private readonly RosPublisher<Clock>? _clockPublisher;
    private readonly RosPublisher<TaskMetrics> _metrics;
    private readonly RosPublisher<DiagnosticArray> _diagnostics;
    private readonly RosPublisher<PointStamped>? _target;
    private readonly RosPublisher<Imu>? _imu;
    private readonly RosPublisher<Odometry>? _odom;
    private readonly RosPublisher<FootContacts>? _contacts;
    private readonly int _jointStateEvery;
    private readonly int _tfEvery;
    private readonly double _framePeriodS;
    private readonly double[] _targets;
    private readonly Random _latencyJitter;
    private Random _sensorNoise = new(0);
    private Vec3? _velocityCommand;
    private double _nextFrameS;
    private int _episode = -1;
    private bool _done;
    private long _periods;
    private long _published;
    private long _timeouts;
    private long _slips;
    private int _faultsStarted;

    private SimRobotServer(SimServeOptions options, RosOptions ros, TextWriter log, TimeProvider time)
    {
        _options = options;
        _log = log;
        _time = time;
        var catalog = options.RobotsRoot is null ? RobotCatalog.Discover() : new RobotCatalog(options.RobotsRoot);
        var robot = catalog.Load(options.Robot);
        var task = options.Task ?? TaskCatalog.All.First(t => robot.Scenes.ContainsKey(t.Scene)).Name;
        var cameras = (options.Cameras ?? robot.Cameras.Select(c => c.Name).ToList()).Select(robot.Camera).ToList();
        var timestep = robot.Spec.Kinematics.TimestepS;
        var jointStateHz = options.JointStateRateHz ?? (robot.Spec.FloatingBase ? 250 : 500);
        _jointStateEvery = ServeRates.StepsPer("--rate", jointStateHz, timestep);
        _tfEvery = ServeRates.StepsPer("--tf-rate", options.TfRateHz, timestep);
        _framePeriodS = ServeRates.FramePeriodS("--camera-rate", options.CameraRateHz, timestep);

        _sim = RobotEnvironments.CreateSimulation(new Sim.Environments.EnvironmentOptions
        {
            Robot = options.Robot,
            Task = task,
            World = options.World,
            RobotsRoot = options.RobotsRoot,
        });
        try
        {
            _limits = new JointLimits(robot.Spec);
            _latencyJitter = new Random(SeedMixer.Mix(options.Seed, 303));
            _commands = new CommandState(_limits, _latencyJitter);
            _readout = new JointReadout(_sim, new Random(SeedMixer.Mix(options.Seed, 202)));
            _faults = new FaultBoard(options.Faults);
            _tf = new TfFrames(robot.Spec);
            _base = BaseSensors.Create(_sim);
            _clock = new RobotClock(options.Clock, time, _sim.TimestepS);
            _targets = new double[_sim.JointCount];
            _node = new RosNode(options.Ros.ApplyTo(ros with { NodeName = options.NodeName }), time);
            _topics = new ServeTopics(options.Ros, options.NodeName);
            _report = new FaultDiagnostics(_node.FullyQualifiedName, robot.Name);

            _jointStates = Publisher<JointState>(_topics.JointStates, QosProfile.Default);
            // tf2_ros's DynamicBroadcasterQoS and rclcpp's ClockQoS.
            _tfPublisher = Publisher<TFMessage>(_topics.Tf, QosProfile.Default.WithDepth(100));
            _clockPublisher = options.Clock == ClockMode.Sim ? Publisher<Clock>(_topics.Clock, new QosProfile(Reliability.BestEffort, Durability.Volatile, History.KeepLast, 1)) : null;
            _metrics = Publisher<TaskMetrics>(_topics.Metrics, QosProfile.Default);
            _diagnostics = Publisher<DiagnosticArray>(_topics.Diagnostics, QosProfile.Default);
            _target = _sim.Target is null ? null : Publisher<PointStamped>(_topics.Target, QosProfile.Latched);
            if (_base is not null)
            {
                _odom = Publisher<Odometry>(_topics.Odom, QosProfile.Default);
                _imu = _base.HasImu ? Publisher<Imu>(_topics.Imu, QosProfile.SensorData) : null;
                _contacts = _base.HasContacts ? Publisher<FootContacts>(_topics.FootContacts, QosProfile.Default) : null;
            }

            var size = options.CameraWidth is { } w && options.CameraHeight is { } h ? (w, h) : ((int, int)?)null;
            for (var i = 0; i < cameras.Count; i++)
            {
                var spec = size is { } s ? cameras[i] with { Width = s.Item1, Height = s.Item2 } : cameras[i];
                _cameras.Add(new CameraStream(_sim, spec, _node, _topics.Image(spec.Name), _topics.Info(spec.Name),
                    options.Clock == ClockMode.Sim, SeedMixer.Mix(options.Seed, 400 + i), _modelGate));
                _endpoints.Add((_topics.Image(spec.Name), Image.TypeName));
                _endpoints.Add((_topics.Info(spec.Name), CameraInfo.TypeName));
            }

            Subscribe<Float64MultiArray>(_topics.ForwardCommands, m => new PositionInput(m.Data));
            Subscribe<JointTrajectory>(_topics.Trajectory, m => new TrajectoryInput(m));
            Subscribe<Float64MultiArray>(_topics.Gains, m => new GainsInput(m.Data));
            Subscribe<Empty>(_topics.Reset, _ => new ResetInput());
            Subscribe<FaultCommand>(_topics.Fault, m => new FaultInput(m));
            if (_sim.VelocityCommand is not null)
            {
                Subscribe<Twist>(_topics.CmdVel, m => new VelocityInput(m));
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        Description = $"{robot.Name}/{task} (world {_sim.World.Name}, clock {options.Clock.ToString().ToLowerInvariant()}, joint_states {jointStateHz:0.###} Hz) as {_node.FullyQualifiedName} on ROS_DOMAIN_ID {_node.Options.DomainId}";
    }

    /// <summary>One line: robot, task, world, clock, node and domain.</summary>
    public string Description { get; }

    /// <summary>Every topic served, with its type, in the order created.</summary>
    public IReadOnlyList<(string Topic, RosTypeName Type)> Topics => _endpoints;

    public CommandCounters Commands => _commands.Counters;

    public ServeSummary Summary => new(
        _clock.NowS, _clock.Steps, _periods, _episode + 1, _published, _cameras.Sum(c => c.Published), _cameras.Sum(c => c.Skipped),
        _timeouts, _slips, _commands.Counters, _faultsStarted);

    /// <summary>Builds the robot and its ROS 2 endpoints.</summary>
    /// <exception cref="InvalidConfigException">Unknown robot, task, world or camera; a rate the physics step does not allow; a bad fault.</exception>
    public static SimRobotServer Create(SimServeOptions options, RosOptions ros, TextWriter log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ros);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        return new SimRobotServer(options, ros, log, time ?? TimeProvider.System);
    }

    /// <summary>Serves until <see cref="SimServeOptions.DurationS"/> of robot time has passed or <paramref name="cancellationToken"/> is cancelled.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        StartEpisode();
        try
        {
            if (_options.Clock == ClockMode.Sim)
            {
                while (!Finished(cancellationToken))
                {
                    Period(cancellationToken);
                }
            }
            else
            {
                RunInRealTime(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: a normal end.
        }
    }

    public void Dispose()
    {
        foreach (var camera in _cameras)
        {
            camera.Dispose();
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _node?.Dispose();
        _sim?.Dispose();
        _inputs.Dispose();
    }

    private bool Finished(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested || (_options.DurationS is { } d && _clock.NowS >= d - (0.5 * _clock.TimestepS));

    // Lockstep: inputs in arrival order until a command arrives (or the wait times out), then one control period.
    private void Period(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_inputs.TryTake(out var input))
            {
                Apply(input);
                if (input.IsCommand)
                {
                    break;
                }

                continue;
            }

            if (!_inputs.WaitForInput(_options.SimClockTimeout, _time, cancellationToken))
            {
                _timeouts++;
                break;
            }
        }

        for (var s = 0; s < _sim.PhysicsStepsPerControl; s++)
        {
            PhysicsStep();
        }
    }

    private void RunInRealTime(CancellationToken cancellationToken)
    {
        var pacer = new WallClockPacer(_time, _sim.TimestepS, MaxLagSteps);
        long done = 0;
        while (!Finished(cancellationToken))
        {
            var due = pacer.Due(done);
            if (due == 0)
            {
                pacer.WaitForNext(done, cancellationToken);
                continue;
            }

            for (var k = 0; k < due && !Finished(cancellationToken); k++)
            {
                while (_inputs.TryTake(out var input))
                {
                    Apply(input);
                }

                PhysicsStep();
                done++;
            }

            _slips = pacer.Slips;
        }
    }

    private void PhysicsStep()
    {
        UpdateFaults();
        var now = _clock.NowS;
        _commands.Release(now);
        _commands.Target(now, _targets);
        _sim.StepPhysics(_targets);
        _clock.Advance();
        if (_sim.PhysicsSteps % _sim.PhysicsStepsPerControl == 0)
        {
            _periods++;
            PublishMetrics();
        }

        Publish(_clock.Steps % _jointStateEvery == 0, _clock.Steps % _tfEvery == 0);
    }

    private void StartEpisode()
    {
        _episode++;
        var world = EpisodeSeeds.World(_options.Seed, _episode);
        lock (_modelGate)
        {
            _sim.StartEpisode(world);
        }

        _sensorNoise = new Random(SeedMixer.Mix(world, 101));
        _done = false;
        _commands.Reset(_sim.Robot.Spec.Home());
        if (_velocityCommand is { } command)
        {
            _sim.SetVelocityCommand(command);
        }

        if (_sim.Target is { } target && _target is not null)
        {
            _target.Publish(new PointStamped { Header = new Header { Stamp = _clock.Stamp(), FrameId = _tf.Root }, Point = new Point { X = target.X, Y = target.Y, Z = target.Z } });
        }

        _log.WriteLine($"episode {_episode} (world seed {world}) at t = {_clock.NowS:0.###} s: {_sim.Factors.Summary()}");
        PublishMetrics();
        Publish(true, true);
    }

    private void Publish(bool states, bool tf)
    {
        var stamp = _clock.Stamp();
        var silent = _faults.IsActive(FaultKind.StopJointStates);
        if (states)
        {
            _clockPublisher?.Publish(new Clock { Time = _clock.SimTime });
            if (!silent)
            {
                _readout.Read(_faults, _sensorNoise);
                _jointStates.Publish(_readout.Message(stamp));
                _published++;
                PublishBase(stamp);
            }
        }

        if (tf && !silent)
        {
            var basePose = _sim.ReadBase()?.Pose ?? Pose.Identity;
            _tfPublisher.Publish(_tf.Transforms(_readout.Positions, basePose, stamp));
        }

        if (_clock.NowS >= _nextFrameS - (0.5 * _clock.TimestepS))
        {
            _nextFrameS += _framePeriodS;
            if (!_faults.IsActive(FaultKind.DropCamera))
            {
                foreach (var camera in _cameras)
                {
                    camera.Capture(stamp);
                }
            }
        }

        foreach (var camera in _cameras)
        {
            if (camera.Failure is { } failure)
            {
                throw failure;
            }
        }
    }

    private void PublishBase(Ros.Messages.BuiltinInterfaces.Time stamp)
    {
        if (_base is null)
        {
            return;
        }

        var header = new Header { Stamp = stamp };
        _odom?.Publish(_base.Odometry(header, _tf.Root));
        _imu?.Publish(_base.Imu(header));
        _contacts?.Publish(_base.Contacts(header));
    }

    private void PublishMetrics()
    {
        var outcome = _sim.Evaluate([], []);
        _done |= outcome.Terminated || _sim.ControlSteps >= _sim.EpisodeControlSteps;
        var names = outcome.Metrics.Keys.Order(StringComparer.Ordinal).ToArray();
        _metrics.Publish(new TaskMetrics
        {
            Header = new Header { Stamp = _clock.Stamp() },
            Task = _sim.Task.Name,
            Episode = (uint)_episode,
            Step = (uint)_sim.ControlSteps,
            Success = outcome.Success,
            Done = _done,
            Fallen = outcome.Terminated,
            Names = names,
            Values = [.. names.Select(n => outcome.Metrics[n])],
        });
    }

    private void Apply(ServeInput input)
    {
        switch (input)
        {
            case PositionInput or TrajectoryInput:
                var topic = input is PositionInput ? _topics.ForwardCommands : _topics.Trajectory;
                if (_commands.Receive(input, _clock.NowS, _faults.Active(FaultKind.CommandLatency)) is { } dropped)
                {
                    _log.WriteLine($"dropped a message on {topic}: {dropped}");
                    _diagnostics.Publish(_report.Drop(topic, dropped, _commands.Counters, _clock.Stamp()));
                }

                break;
            case GainsInput gains:
                ApplyGains(gains.Data);
                break;
            case ResetInput:
                StartEpisode();
                break;
            case FaultInput fault:
                ApplyFault(fault.Command);
                break;
            case VelocityInput velocity:
                var command = new Vec3(velocity.Twist.Linear.X, velocity.Twist.Linear.Y, velocity.Twist.Angular.Z);
                if (double.IsFinite(command.X + command.Y + command.Z))
                {
                    _velocityCommand = command;
                    _sim.SetVelocityCommand(command);
                }

                break;
        }
    }

    private void ApplyGains(double[] data)
    {
        var n = _sim.JointCount;
        string? problem = data.Length != 2 * n ? $"{data.Length} values; it takes kp for each of the {n} joints, then kd for each"
            : data.Any(v => !double.IsFinite(v) || v < 0) ? "every gain must be a finite number >= 0" : null;
        if (problem is not null)
        {
            if (data.Length != 2 * n)
            {
                _commands.Counters.DroppedWrongSize++;
            }
            else
            {
                _commands.Counters.DroppedMalformed++;
            }

            _log.WriteLine($"dropped a message on {_topics.Gains}: {problem}");
            _diagnostics.Publish(_report.Drop(_topics.Gains, problem, _commands.Counters, _clock.Stamp()));
            return;
        }

        _sim.SetGains(data.AsSpan(0, n), data.AsSpan(n, n));
        _commands.Counters.GainsAccepted++;
    }

    private void ApplyFault(FaultCommand message)
    {
        FaultSpec spec;
        try
        {
            spec = FaultSpec.FromMessage(message, _topics.Fault);
        }
        catch (InvalidConfigException e)
        {
            _commands.Counters.FaultsRejected++;
            _log.WriteLine($"rejected a fault: {e.Message}");
            _diagnostics.Publish(_report.BadFault(e.Message, _clock.Stamp()));
            return;
        }

        _faults.Apply(spec, _clock.NowS, _transitions);
        Announce();
    }

    private void UpdateFaults()
    {
        _faults.Update(_clock.NowS, _transitions);
        Announce();
    }

    private void Announce()
    {
        if (_transitions.Count == 0)
        {
            return;
        }

        foreach (var transition in _transitions)
        {
            if (transition.Started)
            {
                _faultsStarted++;
            }

            _log.WriteLine($"t = {transition.TimeS:0.###} s: fault {(transition.Started ? "started" : "ended")}: {transition.Fault.Describe()}");
            _diagnostics.Publish(_report.Transition(transition, _clock.Stamp()));
        }

        _transitions.Clear();
        var push = _faults.Active(FaultKind.Push);
        _sim.SetCommandedPush(push is { Magnitude: > 0 } p ? p.Direction * (p.Magnitude / p.Direction.Norm) : Vec3.Zero);
    }

    private RosPublisher<T> Publisher<T>(string topic, QosProfile qos)
        where T : IRosMessage<T>
    {
        var publisher = _node.CreatePublisher<T>(topic, qos);
        _endpoints.Add((topic, T.TypeName));
        return publisher;
    }

    private void Subscribe<T>(string topic, Func<T, ServeInput> input)
        where T : IRosMessage<T>
    {
        var subscription = _node.CreateSubscription<T>(topic, QosProfile.Default);
        _subscriptions.Add(subscription);
        _subscriptions.Add(subscription.Subscribe(message => _inputs.Post(input(message))));
        _endpoints.Add((topic, T.TypeName));
    }
}
