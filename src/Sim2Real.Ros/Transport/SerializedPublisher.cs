using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// Publishes already-serialized CDR on a topic whose type is chosen at run time (tools such as <c>topic pub</c>,
/// bridges, replay of recorded bytes). The bytes go out as given: nothing checks them against the type.
/// </summary>
public sealed class SerializedPublisher : IDisposable, IGraphEndpoint
{
    private readonly TopicWriter _writer;
    private readonly Action<SerializedPublisher> _onDispose;
    private int _disposed;

    internal SerializedPublisher(TopicWriter writer, Action<SerializedPublisher> onDispose)
    {
        _writer = writer;
        _onDispose = onDispose;
    }

    public string Topic => _writer.Topic;

    public RosTypeName Type => _writer.Type;

    public EndpointStatus Status => _writer.Status;

    bool IGraphEndpoint.IsWriter => true;

    byte[] IGraphEndpoint.Gid => _writer.Gid;

    /// <summary>Writes one message; <paramref name="cdr"/> starts with the encapsulation header.</summary>
    public void Publish(ReadOnlySpan<byte> cdr) => _writer.Write(cdr);

    public Task WaitForSubscribersAsync(uint count = 1, CancellationToken cancellationToken = default) =>
        _writer.WaitForMatchAsync(count, cancellationToken);

    public bool WaitForAcknowledgments(TimeSpan timeout) => _writer.WaitForAcknowledgments(timeout);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _writer.Dispose();
        _onDispose(this);
    }
}
