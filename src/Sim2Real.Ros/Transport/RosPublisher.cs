using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>Publishes <typeparamref name="T"/> on one ROS 2 topic. Thread-safe: serialization is serialized by a lock.</summary>
public sealed class RosPublisher<T> : IDisposable, IGraphEndpoint
    where T : IRosMessage<T>
{
    private readonly TopicWriter _writer;
    private readonly CdrWriter _cdr = new();
    private readonly Lock _gate = new();
    private readonly Action<RosPublisher<T>> _onDispose;
    private bool _disposed;

    internal RosPublisher(TopicWriter writer, Action<RosPublisher<T>> onDispose)
    {
        _writer = writer;
        _onDispose = onDispose;
    }

    public string Topic => _writer.Topic;

    public EndpointStatus Status => _writer.Status;

    bool IGraphEndpoint.IsWriter => true;

    byte[] IGraphEndpoint.Gid => _writer.Gid;

    public void Publish(T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _cdr.Reset();
            try
            {
                message.Write(_cdr);
            }
            catch (ArgumentException e)
            {
                throw new RosTransportException(Topic, T.TypeName.Ros, "publish", e.Message);
            }

            _writer.Write(_cdr.Written);
        }
    }

    /// <inheritdoc cref="TopicWriter.WaitForMatchAsync"/>
    public Task WaitForSubscribersAsync(uint count = 1, CancellationToken cancellationToken = default) =>
        _writer.WaitForMatchAsync(count, cancellationToken);

    /// <inheritdoc cref="TopicWriter.WaitForAcknowledgments"/>
    public bool WaitForAcknowledgments(TimeSpan timeout) => _writer.WaitForAcknowledgments(timeout);

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            _cdr.Dispose();
        }

        _onDispose(this);
    }
}
