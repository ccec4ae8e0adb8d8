using System.Globalization;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Safety;

/// <summary>
/// The input and tracking watchdogs, checked every control period and on every sample that can reveal a fault. Each
/// reports the moment its fault became detectable: a timeout's deadline, the sample that showed a tilt, the moment
/// a tracking error had lasted its duration.
/// </summary>
internal sealed class Watchdogs
{
    private readonly WatchdogSettings _settings;
    private readonly InputTopics _topics;
    private readonly JointStateInput _joints;
    private readonly CameraInput? _camera;
    private readonly TaskCommandInput? _task;
    private readonly BaseInput? _base;
    private readonly FootContactInput? _feet;
    private readonly double[] _frozenBaseline;
    private bool _hasBaseline;
    private int _baselineRun;
    private DateTimeOffset? _trackingSince;
    private double _trackingWorst;
    private string _trackingJoint = "";

    public Watchdogs(WatchdogSettings settings, InputTopics topics, JointStateInput joints, CameraInput? camera, TaskCommandInput? task, BaseInput? floatingBase, FootContactInput? feet, int jointCount)
    {
        _settings = settings;
        _topics = topics;
        _joints = joints;
        _camera = camera;
        _task = task;
        _base = floatingBase;
        _feet = feet;
        _frozenBaseline = new double[jointCount];
    }

    public delegate void TripHandler(string rule, string reason, DateTimeOffset detectedAt);

    /// <summary>Forgets tracking and frozen-sensor history (arming, a new episode): a teleported robot is not a fault.</summary>
    public void Rearm()
    {
        _hasBaseline = false;
        _trackingSince = null;
    }

    /// <summary>Updates the tracking and frozen-sensor state with a new joint_states sample.</summary>
    public void OnJointState(DateTimeOffset now, ReadOnlySpan<double> commanded, bool commanding, IReadOnlyList<string> jointNames)
    {
        if (!commanding)
        {
            return;
        }

        if (_joints.IdenticalRun == 1 || !_hasBaseline)
        {
            // The run is counted from the baseline, not from the sensor's first repeat: an arm that held still through
            // an e-stop repeats itself for seconds, and those samples say nothing about targets it has not had yet.
            commanded.CopyTo(_frozenBaseline);
            _baselineRun = _joints.IdenticalRun - 1;
            _hasBaseline = true;
        }

        if (_settings.TrackingError is { } tracking)
        {
            var worst = 0.0;
            var joint = 0;
            var measured = _joints.Positions;
            for (var i = 0; i < measured.Length; i++)
            {
                var error = Math.Abs(commanded[i] - measured[i]);
                if (error > worst)
                {
                    worst = error;
                    joint = i;
                }
            }

            if (worst > tracking.LimitRad)
            {
                _trackingSince ??= now;
                _trackingWorst = worst;
                _trackingJoint = jointNames[joint];
            }
            else
            {
                _trackingSince = null;
            }
        }
    }

    /// <param name="commanding">Whether the policy is commanding (tracking and frozen-sensor rules apply only then).</param>
    public void Evaluate(DateTimeOffset now, ReadOnlySpan<double> commanded, bool commanding, TripHandler trip)
    {
        var inv = CultureInfo.InvariantCulture;
        Stale(now, _joints.HasSample, _joints.ArrivedAt, _settings.JointStatesTimeout, RuleNames.JointStatesStale, _topics.JointStates, trip);
        if (_camera is not null && _settings.CameraTimeout is { } camera)
        {
            Stale(now, _camera.HasImage, _camera.ArrivedAt, camera, RuleNames.CameraStale, _topics.Image, trip);
        }

        if (_task is not null && _settings.TaskCommandTimeout is { } task)
        {
            Stale(now, _task.HasSample, _task.ArrivedAt, task, RuleNames.TaskCommandStale, _topics.TaskCommand, trip);
        }

        if (_base is not null && _base.HasSample)
        {
            if (_settings.OdometryTimeout is { } odometry)
            {
                Stale(now, true, _base.ArrivedAt, odometry, RuleNames.OdometryStale, _topics.Odometry, trip);
            }

            if (_settings.TiltLimitRad is { } tilt && (Math.Abs(_base.Roll) > tilt || Math.Abs(_base.Pitch) > tilt))
            {
                trip(RuleNames.BaseTilt, string.Create(inv, $"base roll {_base.Roll:0.###} rad, pitch {_base.Pitch:0.###} rad: beyond the {tilt} rad limit"), _base.ArrivedAt);
            }

            if (_settings.MinBaseHeightM is { } height && _base.Height < height)
            {
                trip(RuleNames.Fall, string.Create(inv, $"base height {_base.Height:0.###} m is below {height} m: fallen"), _base.ArrivedAt);
            }
        }

        if (_feet is not null && _feet.HasSample && _settings.FootContact is { } contact)
        {
            Stale(now, true, _feet.ArrivedAt, contact.Timeout, RuleNames.FootContactsStale, _topics.FootContacts, trip);
            if (!_feet.AnyInContact && now - _feet.LastContactAt > contact.MaxAirborne)
            {
                trip(RuleNames.FootContact, string.Create(inv, $"no foot has touched the ground for {(now - _feet.LastContactAt).TotalSeconds:0.###} s (limit {contact.MaxAirborne.TotalSeconds} s): lifted or fallen"), _feet.LastContactAt + contact.MaxAirborne);
            }
        }

        if (!commanding)
        {
            // What came before a stop says nothing about the targets after it: a latch can be released between
            // control ticks, and the samples that arrive before the loop re-arms must not meet a pre-stop baseline.
            // Every sample and every tick comes through here, so no not-commanding stretch goes unseen.
            Rearm();
            return;
        }

        var run = _joints.IdenticalRun - _baselineRun;
        if (_settings.Frozen is { } frozen && _hasBaseline && run >= frozen.Samples)
        {
            var motion = 0.0;
            for (var i = 0; i < commanded.Length; i++)
            {
                motion = Math.Max(motion, Math.Abs(commanded[i] - _frozenBaseline[i]));
            }

            if (motion > frozen.TargetMotionRad)
            {
                trip(RuleNames.JointStatesFrozen, string.Create(inv,
                    $"{_topics.JointStates} repeated the same positions {run} times while the targets moved {motion:0.###} rad: the sensor is frozen"), now);
            }
        }

        if (_settings.TrackingError is { } tracking && _trackingSince is { } since && now - since >= tracking.Duration)
        {
            trip(RuleNames.TrackingError, string.Create(inv,
                $"joint '{_trackingJoint}' is {_trackingWorst:0.###} rad from its target, beyond {tracking.LimitRad} rad for {tracking.Duration.TotalSeconds} s: the robot does not follow"), since + tracking.Duration);
        }
    }

    private static void Stale(DateTimeOffset now, bool has, DateTimeOffset arrived, TimeSpan timeout, string rule, string topic, TripHandler trip)
    {
        if (has && now - arrived > timeout)
        {
            trip(rule, string.Create(CultureInfo.InvariantCulture, $"no {topic} for {(now - arrived).TotalSeconds:0.###} s (timeout {timeout.TotalSeconds} s)"), arrived + timeout);
        }
    }
}
