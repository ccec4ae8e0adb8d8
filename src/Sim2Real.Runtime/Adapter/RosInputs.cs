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

namespace Sim2Real.Runtime.Adapter;

/// <summary>
/// The loop's inputs from ROS 2 topics, each subscribed with the launch file's QoS and delivered on the loop's
/// thread (camera frames newest-only). Subscriptions are created here, up front, so discovery runs while the
/// runtime warms up; only the inputs the policy needs are subscribed.
/// </summary>
public static class RosInputs
{
    public static RuntimeInputs Create(RosNode node, DeploymentPlan plan, IScheduler loop)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(plan);
        var d = plan.Description;
        var o = plan.Loop;
        IObservable<T> On<T>(TopicEndpoint topic)
            where T : Sim2Real.Ros.Messages.IRosMessage<T> =>
            node.CreateSubscription<T>(topic.Name, topic.Qos).ObserveOn(loop);

        return new RuntimeInputs
        {
            JointStates = On<JointState>(d.Topics.JointStates),
            CameraInfo = d.Camera is { } c && o.Camera is not null ? On<CameraInfo>(c.Info) : null,
            Images = d.Camera is { } i && o.Camera is not null ? node.CreateSubscription<Image>(i.Image.Name, i.Image.Qos).ObserveLatestOn(loop) : null,
            Odometry = o.NeedsOdometry ? On<Odometry>(d.Topics.Odometry) : null,
            FootContacts = o.ReadsFootContacts ? On<FootContacts>(d.Topics.FootContacts) : null,
            Target = plan.TaskCommand is { } target && plan.TaskIsTarget ? On<PointStamped>(target) : null,
            VelocityCommand = plan.TaskCommand is { } velocity && !plan.TaskIsTarget ? On<Twist>(velocity) : null,
            EStop = On<Bool>(d.Topics.EStop).Select(b => b.Data),
            EStopReset = On<Empty>(d.Topics.EStopReset).Select(_ => Unit.Default),
        };
    }
}
