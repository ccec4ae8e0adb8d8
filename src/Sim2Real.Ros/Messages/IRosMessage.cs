using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages;

/// <summary>
/// A ROS 2 message type: a C# record whose properties are the .msg fields in the same order, with its own plain-CDR
/// codec. Static abstract members keep publishers and subscriptions generic without reflection on the hot path.
/// </summary>
public interface IRosMessage<TSelf>
    where TSelf : IRosMessage<TSelf>
{
    static abstract RosTypeName TypeName { get; }

    /// <summary>Appends this message's fields to <paramref name="writer"/>.</summary>
    void Write(CdrWriter writer);

    /// <summary>Reads one message; throws <see cref="MalformedMessageException"/> on bytes that do not fit.</summary>
    static abstract TSelf Read(ref CdrReader reader);
}
