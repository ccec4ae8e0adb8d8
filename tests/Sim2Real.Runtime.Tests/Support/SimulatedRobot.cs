using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Subjects;
using Sim2Real.Robotics.Spec;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>
/// A robot in virtual time for the loop's tests: joints follow the last command as a first-order lag (time constant
/// <see cref="LagS"/>), and joint_states go out at <see cref="RateHz"/>. Faults are switches: stop publishing, freeze
/// the published values, block the joints, add noise.
/// </summary>
internal sealed class SimulatedRobot : IDisposable
{
    private readonly RobotSpec _spec;
    private readonly IScheduler _scheduler;
    private readonly Subject<JointState> _out;
    private readonly SerialDisposable _timer = new();
    private readonly Random _noise = new(1);
    private double[] _command;
    private double[] _frozen = [];

    public SimulatedRobot(RobotSpec spec, IScheduler scheduler, Subject<JointState> output, double[]? start = null)
    {
        _spec = spec;
        _scheduler = scheduler;
        _out = output;
        Positions = start ?? spec.Home();
        Velocities = new double[Positions.Length];
        _command = (double[])Positions.Clone();
    }

    public double RateHz { get; init; } = 100;

    public double LagS { get; init; } = 0.05;

    public double[] Positions { get; private set; }

    public double[] Velocities { get; }

    public bool Publishing { get; set; } = true;

    public bool Frozen
    {
        get => _frozen.Length > 0;
        set => _frozen = value ? (double[])Positions.Clone() : [];
    }

    public bool Blocked { get; set; }

    /// <summary>Standard deviation of Gaussian noise on published positions (rad).</summary>
    public double NoiseRad { get; set; }

    /// <summary>Names in the published message; robot.yaml's by default.</summary>
    public string[] Names { get; set; } = [];

    public void OnCommand(double[] targets) => _command = targets;

    public void Start()
    {
        var dt = TimeSpan.FromSeconds(1 / RateHz);
        _timer.Disposable = _scheduler.SchedulePeriodic(dt, () => Step(dt.TotalSeconds));
    }

    public void Dispose() => _timer.Dispose();

    private void Step(double dt)
    {
        if (!Blocked)
        {
            var alpha = Math.Min(1, dt / LagS);
            for (var i = 0; i < Positions.Length; i++)
            {
                var next = Positions[i] + ((_command[i] - Positions[i]) * alpha);
                Velocities[i] = (next - Positions[i]) / dt;
                Positions[i] = next;
            }
        }
        else
        {
            Array.Clear(Velocities);
        }

        if (!Publishing)
        {
            return;
        }

        var published = Frozen ? _frozen : Positions.Select(p => p + (NoiseRad * Gaussian())).ToArray();
        _out.OnNext(new JointState
        {
            Header = new Header { Stamp = RosTimes.ToRos(_scheduler.Now) },
            Name = Names.Length > 0 ? Names : [.. _spec.JointNames],
            Position = [.. published],
            Velocity = [.. Velocities],
        });
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _noise.NextDouble())) * Math.Cos(2 * Math.PI * _noise.NextDouble());
}
