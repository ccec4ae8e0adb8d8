using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Runtime.Recording;

/// <summary>A message waiting for the writer thread: taken as the loop saw it, serialized there.</summary>
internal abstract class PendingMessage(ushort channel, ulong logTime, ulong publishTime)
{
    public ushort Channel { get; } = channel;

    public ulong LogTime { get; } = logTime;

    public ulong PublishTime { get; } = publishTime;

    public abstract void Write(CdrWriter cdr);
}

/// <summary>A typed message; ROS messages here are immutable once published, so the writer may read it later.</summary>
internal sealed class PendingMessage<T>(ushort channel, ulong logTime, ulong publishTime, T message) : PendingMessage(channel, logTime, publishTime)
    where T : IRosMessage<T>
{
    public override void Write(CdrWriter cdr) => message.Write(cdr);
}
