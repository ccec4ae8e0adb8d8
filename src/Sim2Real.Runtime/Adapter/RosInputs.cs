using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Hosting;
using Sim2Real.Runtime.Launch;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Recording;

namespace Sim2Real.Runtime.Adapter;

/// <summary>
/// The loop's inputs from ROS 2 topics, each subscribed with the launch file's QoS and delivered on the loop's
/// thread (camera frames newest-only). Subscriptions are created here, up front, so discovery runs while the
/// runtime warms up; only the inputs the policy needs are subscribed. With <paramref name="record"/>, each input
/// is recorded as the loop takes it.
/// </summary>
public static class RosInputs
{
    public static RuntimeInputs Create(RosNode node, DeploymentPlan plan, IScheduler loop, RecordingTaps? record = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(plan);
        var d = plan.Description;
        var o = plan.Loop;
        IObservable<T> On<T>(TopicEndpoint topic, Func<T, Sim2Real.Ros.Messages.BuiltinInterfaces.Time?> stamp)
            where T : Sim2Real.Ros.Messages.IRosMessage<T>
        {
            var source = node.CreateSubscription<T>(topic.Name, topic.Qos).ObserveOn(loop);
            return record is null ? source : record.Input(source, topic, stamp);
        }

        IObservable<Image> Images(TopicEndpoint topic)
        {
            var source = node.CreateSubscription<Image>(topic.Name, topic.Qos).ObserveLatestOn(loop);
            return record is null ? source : record.Images(source, topic);
        }

        return new RuntimeInputs
        {
            JointStates = On<JointState>(d.Topics.JointStates, m => m.Header.Stamp),
            CameraInfo = d.Camera is { } c && o.Camera is not null ? On<CameraInfo>(c.Info, m => m.Header.Stamp) : null,
            Images = d.Camera is { } i && o.Camera is not null ? Images(i.Image) : null,
            Odometry = o.NeedsOdometry ? On<Odometry>(d.Topics.Odometry, m => m.Header.Stamp) : null,
            FootContacts = o.ReadsFootContacts ? On<FootContacts>(d.Topics.FootContacts, m => m.Header.Stamp) : null,
            Target = plan.TaskCommand is { } target && plan.TaskIsTarget ? On<PointStamped>(target, m => m.Header.Stamp) : null,
            VelocityCommand = plan.TaskCommand is { } velocity && !plan.TaskIsTarget ? On<Twist>(velocity, _ => null) : null,
            EStop = On<Bool>(d.Topics.EStop, _ => null).Select(b => b.Data),
            EStopReset = On<Empty>(d.Topics.EStopReset, _ => null).Select(_ => Unit.Default),
        };
    }
}
