using System.Reactive;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// What the policy loop reads, as observables of ROS message records. The ROS adapter subscribes to topics and
/// delivers them on the loop's scheduler; tests push them in virtual time. Inputs the deployment does not use stay
/// null. Every item must arrive on the loop's scheduler (the loop keeps no locks on its inputs).
/// </summary>
public sealed record RuntimeInputs
{
    public required IObservable<JointState> JointStates { get; init; }

    public IObservable<CameraInfo>? CameraInfo { get; init; }

    public IObservable<Image>? Images { get; init; }

    public IObservable<Odometry>? Odometry { get; init; }

    public IObservable<FootContacts>? FootContacts { get; init; }

    /// <summary>A reach target (/target).</summary>
    public IObservable<PointStamped>? Target { get; init; }

    /// <summary>A velocity command (/cmd_vel).</summary>
    public IObservable<Twist>? VelocityCommand { get; init; }

    /// <summary>/e_stop: true engages the e-stop, which latches.</summary>
    public IObservable<bool> EStop { get; init; } = System.Reactive.Linq.Observable.Never<bool>();

    /// <summary>/e_stop_reset: releases latched trips once the e-stop is no longer engaged.</summary>
    public IObservable<Unit> EStopReset { get; init; } = System.Reactive.Linq.Observable.Never<Unit>();
}
