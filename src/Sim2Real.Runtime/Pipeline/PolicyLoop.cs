using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Subjects;
using Sim2Real.Core;
using Sim2Real.Robotics.Actions;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Spec;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// The reactive policy loop: latest samples in, joint targets out, every control period.
/// <list type="number">
/// <item>Inputs (joint_states, camera, odometry, foot contacts, task command, e-stop) are checked as they arrive and
/// kept as the newest sample with its arrival time. Until every input has delivered a good first sample the loop
/// commands nothing; a first sample that does not fit the policy (unknown joints, another camera size) refuses the
/// deployment, naming it.</item>
/// <item>Once per policy period (control period x action repeat) the tick's observation is built by the shared
/// <see cref="ObservationBuilder"/> and handed to the inference runner, off this thread. The tick's command goes out
/// when the action returns, or after half a control period with the held action if it has not (the late action is
/// then applied from the next period on); one that has not returned by the next policy tick missed its deadline: it
/// is counted and dropped, and that tick is skipped, never queued.</item>
/// <item>Every control period the held action goes through the shared <see cref="ActionMapper"/> (with the rate
/// limit training applies), the start-up ramp, the deployment's joint limits and a last non-finite check, then out.</item>
/// <item>The watchdogs run every control period and on every sample; a tripped rule latches, and the safe action goes
/// out at once (within the control period of the fault becoming detectable) and every period after, until a reset.</item>
/// </list>
/// Single-threaded: inputs, inference results and the clock's ticks must all arrive on one logical thread (the ROS
/// adapter observes them on one <see cref="EventLoopScheduler"/>; tests use one HistoricalScheduler).
/// </summary>
public sealed class PolicyLoop : IDisposable
{
    private static readonly TimeSpan GainsRepeat = TimeSpan.FromSeconds(1);
    private readonly PolicyLoopOptions _options;
    private readonly RuntimeInputs _inputs;
    private readonly IRuntimeOutputs _outputs;
    private readonly IInferenceRunner _inference;
    private readonly IScheduler _clock;
    private readonly TimeProvider _time;
    private readonly CompositeDisposable _subscriptions = [];
    private readonly SerialDisposable _nextTick = new();
    private readonly SerialDisposable _deferral = new();
    private readonly Subject<LoopNotice> _notices = new();
    private readonly Lock _statsGate = new();
    private readonly TimeSpan _period;
    private readonly int _repeat;
    private readonly IReadOnlyList<string> _jointNames;

    private readonly JointStateInput _joints;
    private readonly CameraInput? _camera;
    private readonly BaseInput? _base;
    private readonly FootContactInput? _feet;
    private readonly TaskCommandInput? _task;
    private readonly Watchdogs _watchdogs;

    private readonly ObservationBuilder _builder;
    private readonly ObservationInputs _observation;
    private readonly ActionMapper _mapper;
    private readonly StartupRamp _ramp;
    private readonly SafeActionController _safe;
    private readonly TripLatch _latch = new();
    private readonly DiagnosticsReport _diagnostics;
    private readonly IReadOnlyList<Interval> _limits;
    private readonly double[] _target;
    private readonly double[] _commanded;
    private readonly double[] _scratch;
    private readonly float[] _commandedAction;
    private readonly bool[] _clamped;
    private readonly List<Trip> _unannounced = [];

    private readonly LatencyHistogram _tickToCommand = new();
    private readonly LatencyHistogram _inferenceTime = new();
    private readonly LatencyHistogram _jointAge = new();
    private readonly LatencyHistogram _frameAge = new();
    private readonly LatencyHistogram _jitter = new();
    private readonly LatencyHistogram _tracking = new();
    private long _commands;
    private long _policyTicks;
    private long _misses;
    private long _lateResults;
    private long _clamps;
    private long _trips;
    private long _overruns;

    private DateTimeOffset _origin;
    private DateTimeOffset _lastDiagnostics;
    private long _tick;
    private long _armTick;
    private ArmKind _rearm;
    private float[]? _held;
    private bool _hasCommanded;
    private bool _eStopEngaged;
    private bool _eStopLatched;
    private DateTimeOffset _eStopAt;
    private DateTimeOffset _lastGainsAt;
    private bool _restartPolicy = true;
    private bool _busy;
    private PendingTick? _inflight;
    private bool _inflightMissed;
    private bool _inflightStale;
    private PendingTick? _deferred;
    private PendingTick? _toRecord;
    private int _consecutiveMisses;
    private string? _clampMessage;
    private string _safetyState = "starting";
    private bool _disposed;

    /// <param name="clock">The loop's clock: its Now stamps samples and its timers drive the control period (wall, /clock, or virtual time).</param>
    /// <param name="time">Measures durations (inference, tick to command); the host's clock even under sim time.</param>
    public PolicyLoop(PolicyLoopOptions options, RuntimeInputs inputs, IRuntimeOutputs outputs, IInferenceRunner inference, IScheduler clock, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inference);
        ArgumentNullException.ThrowIfNull(clock);
        _options = options;
        _inputs = inputs;
        _outputs = outputs;
        _inference = inference;
        _clock = clock;
        _time = time ?? TimeProvider.System;
        _period = options.ControlPeriod;
        _repeat = options.ActionRepeat;
        var robot = options.Robot;
        var n = robot.Joints.Count;
        _jointNames = robot.JointNames;
        if (options.Layout.SimulatorOnly)
        {
            throw new InvalidConfigException(options.Policy, "observation", $"the layout ({options.Layout}) reads simulator-only task state; it cannot be deployed");
        }

        _limits = options.PositionLimits ?? robot.Joints.Select(j => j.PositionLimitRad).ToList();
        if (_limits.Count != n)
        {
            throw new ArgumentException($"{_limits.Count} position limits for {n} joints", nameof(options));
        }

        var topics = options.Topics;
        _joints = new JointStateInput(robot, topics.JointStates, options.NeedsJointVelocity);
        _camera = options.Camera is { } camera ? new CameraInput(camera, options.Calibration, topics.Image, topics.CameraInfo, options.Policy) : null;
        _base = options.NeedsOdometry ? new BaseInput(topics.Odometry) : null;
        _feet = options.ReadsFootContacts ? new FootContactInput(topics.FootContacts) : null;
        _task = options.NeedsTarget || options.NeedsVelocityCommand ? new TaskCommandInput(topics.TaskCommand) : null;
        _watchdogs = new Watchdogs(options.Watchdogs, topics, _joints, _camera, _task, _base, _feet, n);

        _builder = new ObservationBuilder(options.Layout, robot);
        _observation = new ObservationInputs(n);
        _mapper = new ActionMapper(robot, options.NodeName);
        _ramp = new StartupRamp(n, options.StartupRampRadS, options.ControlPeriodS);
        _safe = new SafeActionController(options.SafeAction, robot, _limits, options.ControlPeriodS);
        _diagnostics = new DiagnosticsReport(options.NodeName, robot.Name, Rules(options));
        _target = new double[n];
        _commanded = new double[n];
        _scratch = new double[n];
        _commandedAction = new float[n];
        _clamped = new bool[n];
    }

    public LoopState State { get; private set; } = LoopState.Starting;

    /// <summary>Why start-up refused the robot; null otherwise.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Warnings, trips, releases and refusals, as they happen (on the loop's thread).</summary>
    public IObservable<LoopNotice> Notices => _notices;

    /// <summary>Rules tripped now.</summary>
    public IReadOnlyList<Trip> ActiveTrips => _latch.Active;

    /// <summary>Every trip of the run, in order.</summary>
    public List<Trip> TripHistory { get; } = [];

    /// <summary>The episode PolicyTick records carry (set by <see cref="BeginEpisode"/>).</summary>
    public uint Episode { get; private set; }

    public TimeSpan ControlPeriod => _period;

    /// <summary>A consistent copy of what the loop has measured, safe to read from any thread.</summary>
    public LoopStatistics Statistics
    {
        get
        {
            lock (_statsGate)
            {
                return new LoopStatistics
                {
                    Commands = _commands,
                    PolicyTicks = _policyTicks,
                    DeadlineMisses = _misses,
                    LateResults = _lateResults,
                    Clamps = _clamps,
                    Trips = _trips,
                    Overruns = _overruns,
                    TickToCommand = _tickToCommand.Copy(),
                    Inference = _inferenceTime.Copy(),
                    JointStateAge = _jointAge.Copy(),
                    FrameAge = _frameAge.Copy(),
                    Jitter = _jitter.Copy(),
                    TrackingError = _tracking.Copy(),
                    SafetyState = _safetyState,
                };
            }
        }
    }

    private string SafetyState => State switch
    {
        LoopState.Starting => "starting",
        LoopState.Refused => "refused",
        LoopState.Stopped => "stopped",
        _ => _latch.Tripped ? _latch.State : _ramp.Active ? "ramp" : "ok",
    };

    /// <summary>Subscribes to the inputs and starts the control period. Call on the loop's thread.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _origin = _clock.Now;
        _lastDiagnostics = _origin;
        Subscribe(_inputs.JointStates, OnJointState);
        Subscribe(_inputs.CameraInfo, OnCameraInfo);
        Subscribe(_inputs.Images, OnImage);
        Subscribe(_inputs.Odometry, OnOdometry);
        Subscribe(_inputs.FootContacts, OnFootContacts);
        Subscribe(_inputs.Target, OnTarget);
        Subscribe(_inputs.VelocityCommand, OnVelocityCommand);
        Subscribe(_inputs.EStop, OnEStop);
        Subscribe(_inputs.EStopReset, _ => OnReset());
        ScheduleTick(1);
    }

    /// <summary>
    /// A simulated episode began (the simulator put the robot at home): the policy restarts from the measured pose
    /// without the ramp, as a training episode starts. Call on the loop's thread.
    /// </summary>
    public void BeginEpisode(uint episode)
    {
        Episode = episode;
        if (State == LoopState.Running && !_latch.Tripped)
        {
            _rearm = ArmKind.Episode;
        }
    }

    /// <summary>Ends the run: once running, the safe action goes out one last time, so the robot is not left following a stale target. Call on the loop's thread.</summary>
    public void Stop()
    {
        if (State == LoopState.Running && _hasCommanded)
        {
            var now = _clock.Now;
            if (!_latch.Tripped)
            {
                EngageSafeAction(now);
            }

            if (_safe.UsesGains)
            {
                WriteGains(now, _safe.DampingKp, _safe.DampingKd);
            }

            WriteSafe(now);
        }

        if (State is LoopState.Starting or LoopState.Running)
        {
            State = LoopState.Stopped;
        }

        UpdateSafetyState();
        _nextTick.Disposable = Disposable.Empty;
        _subscriptions.Clear();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _subscriptions.Dispose();
        _nextTick.Dispose();
        _deferral.Dispose();
        _notices.OnCompleted();
        _notices.Dispose();
    }

    private static List<string> Rules(PolicyLoopOptions o)
    {
        var w = o.Watchdogs;
        var rules = new List<string> { RuleNames.JointStatesStale, RuleNames.JointStatesInvalid, RuleNames.DeadlineMiss, RuleNames.NonFiniteAction, RuleNames.PolicyError, RuleNames.EStop };
        void Add(bool on, string rule)
        {
            if (on)
            {
                rules.Add(rule);
            }
        }

        Add(w.Frozen is not null, RuleNames.JointStatesFrozen);
        Add(w.TrackingError is not null, RuleNames.TrackingError);
        Add(o.Camera is not null, RuleNames.CameraInvalid);
        Add(o.Camera is not null && w.CameraTimeout is not null, RuleNames.CameraStale);
        Add((o.NeedsTarget || o.NeedsVelocityCommand) && w.TaskCommandTimeout is not null, RuleNames.TaskCommandStale);
        Add(o.NeedsTarget || o.NeedsVelocityCommand, RuleNames.TaskCommandInvalid);
        Add(o.NeedsOdometry, RuleNames.OdometryInvalid);
        Add(o.NeedsOdometry && w.OdometryTimeout is not null, RuleNames.OdometryStale);
        Add(o.NeedsOdometry && w.TiltLimitRad is not null, RuleNames.BaseTilt);
        Add(o.NeedsOdometry && w.MinBaseHeightM is not null, RuleNames.Fall);
        Add(o.ReadsFootContacts && w.FootContact is not null, RuleNames.FootContact);
        Add(o.ReadsFootContacts && w.FootContact is not null, RuleNames.FootContactsStale);
        Add(o.ReadsFootContacts, RuleNames.FootContactsInvalid);
        return rules;
    }

    private void Subscribe<T>(IObservable<T>? source, Action<T> handler)
    {
        if (source is not null)
        {
            _subscriptions.Add(source.Subscribe(handler));
        }
    }

    // ---- the control period ----------------------------------------------------------------------------------

    private void ScheduleTick(long k)
    {
        var due = _origin + (k * _period);
        _nextTick.Disposable = _clock.Schedule(due, () => OnTick(k, due));
    }

    private void OnTick(long k, DateTimeOffset due)
    {
        var now = _clock.Now;
        var late = now - due;
        if (late >= _period)
        {
            // The scheduler fell a whole period behind: run this tick now and rejoin the grid, never a burst of catch-up ticks.
            var skipped = (long)(late / _period);
            k += skipped;
            due = _origin + (k * _period);
            lock (_statsGate)
            {
                _overruns += skipped;
            }
        }

        lock (_statsGate)
        {
            _jitter.Record(now - due);
        }

        _tick = k;
        RunTick(now);
        UpdateSafetyState();
        if (State is LoopState.Starting or LoopState.Running)
        {
            ScheduleTick(k + 1);
        }
    }

    private void RunTick(DateTimeOffset now)
    {
        if (State == LoopState.Starting && !TryStart(now))
        {
            return;
        }

        if (State != LoopState.Running)
        {
            return;
        }

        if (_rearm != ArmKind.None && !_latch.Tripped)
        {
            Arm(_rearm);
        }

        // A boundary tick whose action has not come back within one control period: its command is not waited for.
        _deferred = null;
        Evaluate(now);
        if (_latch.Tripped)
        {
            WriteSafe(now);
        }
        else if ((_tick - _armTick) % _repeat == 0)
        {
            PolicyBoundary(now);
        }
        else
        {
            ControlStep(now, null);
        }

        if (now - _lastDiagnostics >= _options.DiagnosticsPeriod)
        {
            PublishDiagnostics(now);
        }
    }

    private bool TryStart(DateTimeOffset now)
    {
        var missing = new List<string>();
        if (!_joints.HasSample)
        {
            missing.Add(_options.Topics.JointStates);
        }

        if (_camera is { HasInfo: false })
        {
            missing.Add(_options.Topics.CameraInfo);
        }

        if (_camera is { HasImage: false })
        {
            missing.Add(_options.Topics.Image);
        }

        if (_base is { HasSample: false })
        {
            missing.Add(_options.Topics.Odometry);
        }

        if (_feet is { HasSample: false })
        {
            missing.Add(_options.Topics.FootContacts);
        }

        if (_task is { HasSample: false })
        {
            missing.Add(_options.Topics.TaskCommand);
        }

        if (missing.Count == 0)
        {
            State = LoopState.Running;
            _rearm = ArmKind.Startup;
            Notice(LoopNoticeKind.Info, now, $"every input is live; commanding {_options.Robot.Name} at {1 / _options.ControlPeriodS:0.#} Hz, policy every {_repeat} periods");
            return true;
        }

        if (now - _origin > _options.StartupTimeout)
        {
            Refuse(now, $"no first sample on {string.Join(", ", missing)} within {_options.StartupTimeout.TotalSeconds:0.###} s of start-up; nothing was commanded");
        }

        return false;
    }

    private void Arm(ArmKind kind)
    {
        var measured = _joints.Positions;
        _mapper.Reset(measured);
        _held = null;
        Array.Clear(_commandedAction);
        if (kind == ArmKind.Episode)
        {
            _ramp.Stop();
        }
        else
        {
            _ramp.Start(measured);
            if (_safe.UsesGains)
            {
                WriteGains(_clock.Now, _safe.NominalKp, _safe.NominalKd);
            }
        }

        _armTick = _tick;
        _restartPolicy = true;
        _watchdogs.Rearm();
        _consecutiveMisses = 0;
        _inflightStale = _busy;
        _toRecord = null;
        _rearm = ArmKind.None;
    }

    private void PolicyBoundary(DateTimeOffset now)
    {
        if (_busy)
        {
            if (!_inflightStale)
            {
                // The inference started a policy period ago has not delivered: a missed deadline. This tick is skipped, not queued.
                _inflightMissed = true;
                _consecutiveMisses++;
                lock (_statsGate)
                {
                    _misses++;
                }

                PublishSkipped(now);
                lock (_statsGate)
                {
                    _policyTicks++;
                }
                if (_consecutiveMisses >= _options.Watchdogs.DeadlineMisses)
                {
                    RaiseTrip(RuleNames.DeadlineMiss, string.Create(CultureInfo.InvariantCulture,
                        $"{_consecutiveMisses} policy ticks in a row missed their {_period.TotalSeconds * _repeat:0.###} s deadline"), now);
                    Flush(now);
                    return;
                }
            }

            ControlStep(now, null);
            return;
        }

        var state = new float[_builder.Size];
        BuildObservation(state);
        var frameAge = _camera is null ? double.NaN : (now - _camera.ArrivedAt).TotalSeconds;
        var pending = new PendingTick(_policyTicks, now, _time.GetTimestamp(), (now - _joints.ArrivedAt).TotalSeconds, frameAge, state);
        lock (_statsGate)
        {
            _policyTicks++;
            _jointAge.Record(pending.JointStateAgeS);
            if (_camera is not null)
            {
                _frameAge.Record(frameAge);
            }
        }

        _busy = true;
        _inflight = pending;
        _inflightMissed = false;
        _inflightStale = false;
        _deferred = pending;
        // The tick's command waits for its action, but never more than half a control period: then the held action goes out.
        _deferral.Disposable = _clock.Schedule(_period / 2, () =>
        {
            if (ReferenceEquals(_deferred, pending) && State == LoopState.Running && !_latch.Tripped)
            {
                _deferred = null;
                ControlStep(_clock.Now, null);
            }
        });
        var request = new InferenceRequest(pending.Tick, state, _camera?.Latest, _restartPolicy);
        _restartPolicy = false;
        _inference.Start(request, OnResult);
    }

    private void BuildObservation(float[] state)
    {
        _joints.Positions.CopyTo(_observation.JointPositions);
        _joints.Velocities.CopyTo(_observation.JointVelocities);
        _commandedAction.CopyTo(_observation.PreviousAction, 0);
        if (_task is not null)
        {
            _task.Target.CopyTo(_observation.Target);
            _task.Velocity.CopyTo(_observation.VelocityCommand);
        }

        if (_base is not null)
        {
            _observation.Base = _base.State;
        }

        _builder.Build(_observation, state);
    }

    private void OnResult(InferenceResult result)
    {
        var pending = _inflight;
        _busy = false;
        _inflight = null;
        if (pending is null || pending.Tick != result.Tick || _inflightMissed || _inflightStale)
        {
            if (_inflightMissed)
            {
                lock (_statsGate)
                {
                    _lateResults++;
                }
            }

            _inflightMissed = false;
            _inflightStale = false;
            return;
        }

        pending.Result = result;
        lock (_statsGate)
        {
            _inferenceTime.Record(result.Duration);
        }

        var now = _clock.Now;
        if (State != LoopState.Running || _latch.Tripped)
        {
            PublishRecord(pending, double.NaN);
            return;
        }

        if (result.Error is { } error)
        {
            RaiseTrip(RuleNames.PolicyError, $"{_options.Policy} failed: {error.Message}", now);
            Flush(now);
            PublishRecord(pending, double.NaN);
            return;
        }

        for (var i = 0; i < result.Action.Length; i++)
        {
            if (!float.IsFinite(result.Action[i]))
            {
                RaiseTrip(RuleNames.NonFiniteAction, string.Create(CultureInfo.InvariantCulture,
                    $"{_options.Policy} produced action[{i}] (joint '{_jointNames[i]}') = {result.Action[i]}; it was never published"), now);
                Flush(now);
                PublishRecord(pending, double.NaN);
                return;
            }
        }

        _consecutiveMisses = 0;
        _held = result.Action;
        if (ReferenceEquals(_deferred, pending))
        {
            _deferred = null;
            _deferral.Disposable = Disposable.Empty;
            ControlStep(now, pending);
        }
        else
        {
            _toRecord = pending;
        }
    }

    private void ControlStep(DateTimeOffset now, PendingTick? fresh)
    {
        if (_held is null)
        {
            _mapper.Targets.CopyTo(_target);
        }
        else
        {
            _mapper.Map(_held, _commandedAction, _target);
        }

        _ramp.Apply(_target, _scratch);
        Clamp(now, _scratch);
        for (var i = 0; i < _scratch.Length; i++)
        {
            if (!double.IsFinite(_scratch[i]))
            {
                // Defence in depth: nothing non-finite reaches the command topic, whatever produced it.
                RaiseTrip(RuleNames.NonFiniteAction, $"the target for joint '{_jointNames[i]}' came out {_scratch[i]}; it was never published", now);
                Flush(now);
                return;
            }
        }

        WriteCommand(_scratch);
        var record = fresh ?? _toRecord;
        _toRecord = null;
        if (record is not null)
        {
            PublishRecord(record, _time.GetElapsedTime(record.StartedTimestamp).TotalSeconds);
        }
    }

    private void Clamp(DateTimeOffset now, Span<double> targets)
    {
        string? message = null;
        var newly = false;
        for (var i = 0; i < targets.Length; i++)
        {
            var limit = _limits[i];
            var clamped = Math.Clamp(targets[i], limit.Min, limit.Max);
            var outside = clamped != targets[i];
            if (outside)
            {
                message ??= string.Create(CultureInfo.InvariantCulture,
                    $"joint '{_jointNames[i]}' target {targets[i]:0.####} rad clamped to {clamped:0.####} (limits [{limit.Min}, {limit.Max}])");
                targets[i] = clamped;
                newly |= !_clamped[i];
                lock (_statsGate)
                {
                    _clamps++;
                }
            }

            _clamped[i] = outside;
        }

        var changed = (message is null) != (_clampMessage is null);
        _clampMessage = message;
        if (newly)
        {
            Notice(LoopNoticeKind.Warning, now, $"{RuleNames.JointLimit}: {message}");
        }

        if (changed || newly)
        {
            PublishDiagnostics(now);
        }
    }

    // ---- safety ----------------------------------------------------------------------------------------------

    private void Evaluate(DateTimeOffset now)
    {
        if (State != LoopState.Running)
        {
            return;
        }

        _watchdogs.Evaluate(now, _commanded, _hasCommanded && !_latch.Tripped, RaiseTrip);
        if (_eStopLatched)
        {
            RaiseTrip(RuleNames.EStop, $"e-stop engaged on {_options.Topics.EStop}", _eStopAt);
        }
    }

    private void RaiseTrip(string rule, string reason, DateTimeOffset detectedAt)
    {
        var first = !_latch.Tripped;
        var trip = _latch.Trip(rule, reason, detectedAt);
        if (trip is null)
        {
            return;
        }

        var now = _clock.Now;
        if (first)
        {
            EngageSafeAction(now);
        }

        _unannounced.Add(trip);
        TripHistory.Add(trip);
        lock (_statsGate)
        {
            _trips++;
        }

        Notice(LoopNoticeKind.Trip, now, $"TRIPPED {rule}: {reason}");
    }

    private void EngageSafeAction(DateTimeOffset now)
    {
        // Readings are extrapolated only while they are trustworthy: never past a stale or frozen sensor.
        var trusted = _joints.HasVelocities && now - _joints.ArrivedAt <= _options.Watchdogs.JointStatesTimeout
            && !_latch.IsActive(RuleNames.JointStatesFrozen) && !_latch.IsActive(RuleNames.JointStatesStale);
        _safe.Engage(now, _joints.Positions, _joints.Velocities, trusted, _commanded, _hasCommanded);
        _deferred = null;
        _toRecord = null;
        _inflightStale = _busy;
        _ramp.Stop();
    }

    /// <summary>Writes the safe action now if a trip is waiting for it.</summary>
    private void Flush(DateTimeOffset now)
    {
        if (_unannounced.Count > 0 && State == LoopState.Running)
        {
            WriteSafe(now);
        }
    }

    private void WriteSafe(DateTimeOffset now)
    {
        if (_safe.UsesGains && (_unannounced.Count > 0 || now - _lastGainsAt >= GainsRepeat))
        {
            WriteGains(now, _safe.DampingKp, _safe.DampingKd);
        }

        _safe.Targets(now, _joints.Positions, _scratch);
        WriteCommand(_scratch);
        if (_unannounced.Count == 0)
        {
            return;
        }

        foreach (var trip in _unannounced)
        {
            trip.CommandedAt = now;
            _outputs.Watchdog(new WatchdogEvent
            {
                Header = new Header { Stamp = RosTimes.ToRos(now) },
                Node = _options.NodeName,
                Rule = trip.Rule,
                Tripped = true,
                Reason = trip.Reason,
                DetectedS = RosTimes.Seconds(trip.DetectedAt),
                CommandedS = RosTimes.Seconds(now),
            });
        }

        _unannounced.Clear();
        PublishDiagnostics(now);
    }

    private void WriteCommand(ReadOnlySpan<double> targets)
    {
        _outputs.Command(targets);
        targets.CopyTo(_commanded);
        _hasCommanded = true;
        lock (_statsGate)
        {
            _commands++;
        }
    }

    private void WriteGains(DateTimeOffset now, double[] kp, double[] kd)
    {
        _outputs.Gains(kp, kd);
        _lastGainsAt = now;
    }

    private void OnReset()
    {
        var now = _clock.Now;
        if (_eStopEngaged)
        {
            Notice(LoopNoticeKind.Warning, now, $"reset refused: the e-stop is still engaged on {_options.Topics.EStop}; release it first");
            return;
        }

        _eStopLatched = false;
        if (!_latch.Tripped)
        {
            Notice(LoopNoticeKind.Info, now, "reset: nothing is tripped");
            return;
        }

        foreach (var trip in _latch.Release())
        {
            _outputs.Watchdog(new WatchdogEvent
            {
                Header = new Header { Stamp = RosTimes.ToRos(now) },
                Node = _options.NodeName,
                Rule = trip.Rule,
                Tripped = false,
                Reason = $"released by {_options.Topics.EStopReset}",
                DetectedS = RosTimes.Seconds(trip.DetectedAt),
                CommandedS = trip.CommandedAt is { } c ? RosTimes.Seconds(c) : double.NaN,
            });
            Notice(LoopNoticeKind.Release, now, $"released {trip.Rule}");
        }

        _unannounced.Clear();
        _rearm = ArmKind.Reset;
        PublishDiagnostics(now);
    }

    private void Refuse(DateTimeOffset now, string reason)
    {
        State = LoopState.Refused;
        Refusal = reason;
        _nextTick.Disposable = Disposable.Empty;
        _subscriptions.Clear();
        Notice(LoopNoticeKind.Refused, now, reason);
    }

    // ---- inputs ----------------------------------------------------------------------------------------------

    private void OnJointState(JointState message)
    {
        var now = _clock.Now;
        if (!Take(RuleNames.JointStatesInvalid, now, () => _joints.Accept(message, now)))
        {
            return;
        }

        var commanding = State == LoopState.Running && _hasCommanded && !_latch.Tripped;
        _watchdogs.OnJointState(now, _commanded, commanding, _jointNames);
        if (commanding)
        {
            var worst = 0.0;
            for (var i = 0; i < _commanded.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(_commanded[i] - _joints.Positions[i]));
            }

            lock (_statsGate)
            {
                _tracking.Record(worst);
            }
        }

        Check(now);
    }

    private void OnCameraInfo(CameraInfo message)
    {
        var now = _clock.Now;
        string? warning = null;
        if (_camera is not null && Take(RuleNames.CameraInvalid, now, () => warning = _camera.AcceptInfo(message)) && warning is not null)
        {
            Notice(LoopNoticeKind.Warning, now, warning);
        }
    }

    private void OnImage(Image message)
    {
        var now = _clock.Now;
        if (_camera is not null && Take(RuleNames.CameraInvalid, now, () => _camera.AcceptImage(message, now)))
        {
            Check(now);
        }
    }

    private void OnOdometry(Odometry message)
    {
        var now = _clock.Now;
        if (_base is not null && Take(RuleNames.OdometryInvalid, now, () => _base.Accept(message, now)))
        {
            Check(now);
        }
    }

    private void OnFootContacts(FootContacts message)
    {
        var now = _clock.Now;
        if (_feet is not null && Take(RuleNames.FootContactsInvalid, now, () => _feet.Accept(message, now)))
        {
            Check(now);
        }
    }

    private void OnTarget(PointStamped message)
    {
        var now = _clock.Now;
        if (_task is not null)
        {
            Take(RuleNames.TaskCommandInvalid, now, () => _task.Accept(message, now));
        }
    }

    private void OnVelocityCommand(Twist message)
    {
        var now = _clock.Now;
        if (_task is not null)
        {
            Take(RuleNames.TaskCommandInvalid, now, () => _task.Accept(message, now));
        }
    }

    private void OnEStop(bool engaged)
    {
        var now = _clock.Now;
        _eStopEngaged = engaged;
        if (engaged && !_eStopLatched)
        {
            _eStopLatched = true;
            _eStopAt = now;
            Check(now);
        }
    }

    /// <summary>Runs the event-driven rules after a sample and answers a new trip at once.</summary>
    private void Check(DateTimeOffset now)
    {
        Evaluate(now);
        Flush(now);
    }

    /// <summary>
    /// Takes a sample; a bad one refuses start-up, or once running trips <paramref name="rule"/>. The last good
    /// sample stays, so nothing derived from the bad one is ever commanded.
    /// </summary>
    private bool Take(string rule, DateTimeOffset now, Action accept)
    {
        try
        {
            accept();
            return true;
        }
        catch (RuntimeInputException e)
        {
            if (State == LoopState.Starting)
            {
                Refuse(now, e.Message);
            }
            else if (State == LoopState.Running)
            {
                RaiseTrip(rule, e.Message, now);
                Flush(now);
            }

            return false;
        }
    }

    // ---- records ---------------------------------------------------------------------------------------------

    private void PublishSkipped(DateTimeOffset now)
    {
        _outputs.Tick(new PolicyTick
        {
            Header = new Header { Stamp = RosTimes.ToRos(now) },
            Tick = (ulong)_policyTicks,
            Episode = Episode,
            JointStateAgeS = (now - _joints.ArrivedAt).TotalSeconds,
            FrameAgeS = _camera is null ? double.NaN : (now - _camera.ArrivedAt).TotalSeconds,
            InferenceS = double.NaN,
            DeadlineMissed = true,
            Commanded = [.. _commanded],
            SafetyState = SafetyState,
        });
    }

    private void PublishRecord(PendingTick pending, double tickToCommandS)
    {
        if (double.IsFinite(tickToCommandS))
        {
            lock (_statsGate)
            {
                _tickToCommand.Record(tickToCommandS);
            }
        }

        var result = pending.Result;
        _outputs.Tick(new PolicyTick
        {
            Header = new Header { Stamp = RosTimes.ToRos(pending.StartedAt) },
            Tick = (ulong)pending.Tick,
            Episode = Episode,
            JointStateAgeS = pending.JointStateAgeS,
            FrameAgeS = pending.FrameAgeS,
            InferenceS = result?.Duration.TotalSeconds ?? double.NaN,
            DeadlineMissed = false,
            Observation = pending.Observation,
            Pixels = result?.Pixels ?? [],
            PixelsShape = result?.PixelsShape ?? [],
            Latent = result?.Latent ?? [],
            RawAction = result?.Action ?? [],
            Target = [.. _target],
            Commanded = [.. _commanded],
            SafetyState = SafetyState,
        });
    }

    private void PublishDiagnostics(DateTimeOffset now)
    {
        _lastDiagnostics = now;
        _outputs.Diagnostics(_diagnostics.Build(now, _latch, _clampMessage));
    }

    private void Notice(LoopNoticeKind kind, DateTimeOffset at, string message)
    {
        UpdateSafetyState();
        _notices.OnNext(new LoopNotice(kind, at, message));
    }

    private void UpdateSafetyState()
    {
        var state = SafetyState;
        lock (_statsGate)
        {
            _safetyState = state;
        }
    }
}
