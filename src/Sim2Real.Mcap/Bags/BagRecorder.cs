using System.Threading.Channels;

namespace Sim2Real.Mcap.Bags;

/// <summary>
/// Records serialized messages into a <see cref="BagWriter"/> from any thread (DDS delivers on its receive threads):
/// <see cref="Post"/> stamps the message with its receive time on the injected clock and queues it; one writer loop
/// (<see cref="RunAsync"/>) owns the bag, writes in arrival order and, when the topics are quiet, closes chunks that
/// have been open for the flush interval.
/// </summary>
public sealed class BagRecorder
{
    private readonly BagWriter _bag;
    private readonly TimeProvider _time;
    private readonly Channel<(int Topic, ulong LogTime, ulong PublishTime, byte[] Cdr)> _queue =
        Channel.CreateUnbounded<(int, ulong, ulong, byte[])>(new UnboundedChannelOptions { SingleReader = true });

    private long _received;

    public BagRecorder(BagWriter bag, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(bag);
        _bag = bag;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How often the writer loop looks for a quiet chunk to close.</summary>
    public static TimeSpan IdleFlushPoll { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Messages posted so far.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Queues a message of topic <paramref name="topic"/>; its log time is now. Thread-safe.</summary>
    /// <param name="publishTime">The publisher's source timestamp (ns); 0 takes the receive time.</param>
    public void Post(int topic, byte[] cdr, ulong publishTime = 0)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        var now = McapTime.FromDateTimeOffset(_time.GetUtcNow());
        if (_queue.Writer.TryWrite((topic, now, publishTime == 0 ? now : publishTime, cdr)))
        {
            Interlocked.Increment(ref _received);
        }
    }

    /// <summary>No more messages: <see cref="RunAsync"/> writes what is queued and returns.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>The writer loop; returns once <see cref="Complete"/> was called and the queue is drained.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var reader = _queue.Reader;
        while (true)
        {
            while (reader.TryRead(out var message))
            {
                _bag.Write(message.Topic, message.LogTime, message.PublishTime, message.Cdr);
            }

            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var waiting = reader.WaitToReadAsync(idle.Token).AsTask();
            var poll = Task.Delay(IdleFlushPoll, _time, idle.Token);
            var first = await Task.WhenAny(waiting, poll).ConfigureAwait(false);
            await idle.CancelAsync().ConfigureAwait(false);
            if (first == poll)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _bag.FlushIfDue();
                continue;
            }

            // WaitToReadAsync: true when there is more, false once completed and drained.
            if (!await waiting.ConfigureAwait(false))
            {
                return;
            }
        }
    }
}
