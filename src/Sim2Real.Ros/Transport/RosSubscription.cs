using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A ROS 2 subscription to a typed message as a hot <see cref="IObservable{T}"/> (see <see cref="TopicSubscription{TItem}"/>).
/// <see cref="RosNode.Observe{T}"/> wraps this as a cold observable.
/// </summary>
public sealed class RosSubscription<T> : TopicSubscription<T>
    where T : IRosMessage<T>
{
    internal RosSubscription(RosNode node, string topic, QosProfile qos, Action<IDisposable> onDispose)
        : base(node, topic, T.TypeName, qos, static (cdr, _) => RosMessage.Decode<T>(cdr), onDispose)
    {
    }
}
