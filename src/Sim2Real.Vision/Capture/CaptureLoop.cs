using Sim2Real.Core.Imaging;
using Polly;
using Polly.Retry;

namespace Sim2Real.Vision.Capture;

/// <summary>One subscription's reading loop: open (with retries), grab, timestamp, decode, emit; reconnect on loss.</summary>
internal sealed class CaptureLoop : IDisposable
{
    private readonly CaptureSource _source;
    private readonly CameraStreamOptions _options;
    private readonly IFrameReaderFactory _readers;
    private readonly IObserver<CapturedFrame> _observer;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly ResiliencePipeline _reconnect;
    private readonly ITimer _watchdog;
    private bool _terminated;
    private int _attempts;

    // Watchdog state: a deadline while opening or waiting for a frame; none while backing off between attempts.
    private long _deadlineTicks = long.MaxValue;
    private string _waitingFor = "";

    public CaptureLoop(CaptureSource source, CameraStreamOptions options, IFrameReaderFactory readers, IObserver<CapturedFrame> observer)
    {
        _source = source;
        _options = options;
        _readers = readers;
        _observer = observer;
        _time = options.TimeProvider;
        // Files and folders do not come back by waiting: only live sources retry.
        _reconnect = source.IsLive && options.ReconnectAttempts > 0
            ? new ResiliencePipelineBuilder { TimeProvider = _time }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<CaptureUnavailableException>(),
                    MaxRetryAttempts = options.ReconnectAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    Delay = options.ReconnectDelay,
                    MaxDelay = options.MaxReconnectDelay,
                    OnRetry = _ =>
                    {
                        // Backing off is not stalling.
                        ClearDeadline();
                        return default;
                    },
                })
                .Build()
            : ResiliencePipeline.Empty;
        var check = TimeSpan.FromTicks(Math.Max(options.FrameTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond));
        _watchdog = _time.CreateTimer(_ => CheckStall(), null, check, check);
    }

    /// <summary>Runs until the source ends, is lost, or the subscription is disposed. Every failure reaches the observer.</summary>
    public void Run() => _ = RunReportingAsync();

    private async Task RunReportingAsync()
    {
        try
        {
            await RunAsync().ConfigureAwait(true);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Unsubscribed (or already terminated by the watchdog): nothing left to report.
        }
#pragma warning disable CA1031 // The loop's thread has no caller: whatever fails must reach the subscriber as OnError.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Terminate(o => o.OnError(e));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _terminated = true;
        }

        _stop.Cancel();
        _watchdog.Dispose();
    }

    private async Task RunAsync()
    {
        long sequence = 0;
        var connection = 0;
        while (!_stop.IsCancellationRequested)
        {
            var (reader, first) = await ConnectAsync().ConfigureAwait(true);
            connection++;
            using (reader)
            {
                var frame = first;
                while (frame is not null)
                {
                    if (!Emit(new CapturedFrame(frame.Value.Image, frame.Value.At, sequence++, connection)))
                    {
                        return;
                    }

                    frame = TryRead(reader);
                }
            }

            if (!_source.IsLive)
            {
                Terminate(o => o.OnCompleted());
                return;
            }
        }
    }

    /// <summary>Opens the source and grabs its first frame, retrying with backoff; a source that opens but delivers nothing counts as a failure.</summary>
    private async Task<(IFrameReader Reader, (Image Image, DateTimeOffset At)? First)> ConnectAsync()
    {
        var started = _time.GetUtcNow();
        _attempts = 0;
        // Every await of the loop continues on the captured context. The loop's own thread has none, so in
        // production this is the thread pool as usual; a caller that starts the loop under a context (tests in
        // virtual time) keeps it there, so backoff and timeouts run deterministically inside the virtual clock.
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true, _stop.Token);
        try
        {
            return await _reconnect.ExecuteAsync(
                (_, _) =>
                {
                    _attempts++;
                    SetDeadline(_options.OpenTimeout, "open");
                    var reader = _readers.Open(_source, _options);
                    var first = TryRead(reader);
                    if (first is null)
                    {
                        reader.Dispose();
                        throw new CaptureUnavailableException($"{_source}: opened but delivered no frame");
                    }

                    return ValueTask.FromResult((reader, first));
                },
                context,
                0).ConfigureAwait(true);
        }
        catch (CaptureUnavailableException e)
        {
            var span = _time.GetUtcNow() - started;
            throw new CaptureSourceLostException(
                $"{_source}: source lost: no frames after {_attempts} attempt(s) over {span.TotalSeconds:0.###} s ({_source.Backend} backend); last error: {e.Message}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private (Image Image, DateTimeOffset At)? TryRead(IFrameReader reader)
    {
        SetDeadline(_options.FrameTimeout, "frame");
        if (!reader.Grab())
        {
            ClearDeadline();
            return null;
        }

        var at = _time.GetUtcNow();
        var image = reader.Retrieve();
        ClearDeadline();
        return (image, at);
    }

    private bool Emit(CapturedFrame frame)
    {
        lock (_gate)
        {
            if (_terminated)
            {
                return false;
            }

            _observer.OnNext(frame);
            return true;
        }
    }

    private void Terminate(Action<IObserver<CapturedFrame>> signal)
    {
        lock (_gate)
        {
            if (_terminated)
            {
                return;
            }

            _terminated = true;
            signal(_observer);
        }

        _stop.Cancel();
        _watchdog.Dispose();
    }

    private void SetDeadline(TimeSpan allowed, string what)
    {
        _waitingFor = what;
        Interlocked.Exchange(ref _deadlineTicks, _time.GetUtcNow().UtcTicks + allowed.Ticks);
    }

    private void ClearDeadline() => Interlocked.Exchange(ref _deadlineTicks, long.MaxValue);

    // A native read can block beyond any timeout the backend honours; the watchdog ends the stream instead of hanging.
    private void CheckStall()
    {
        var deadline = Interlocked.Read(ref _deadlineTicks);
        if (deadline == long.MaxValue || _time.GetUtcNow().UtcTicks < deadline)
        {
            return;
        }

        var limit = _waitingFor == "open" ? _options.OpenTimeout : _options.FrameTimeout;
        Terminate(o => o.OnError(new CaptureSourceLostException(
            $"{_source}: source stalled: no {_waitingFor} within {limit.TotalSeconds:0.###} s ({_source.Backend} backend)")));
    }
}
