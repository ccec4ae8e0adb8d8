using Sim2Real.Core.Imaging;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sim2Real.Vision.Capture;

namespace Sim2Real.Vision.Tests.Capture;

public sealed class CameraStreamTests : IDisposable
{
    private SynchronizationContext? _previous;

    public void Dispose() => SynchronizationContext.SetSynchronizationContext(_previous);

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CaptureSource Camera = new(CaptureSourceKind.Device, "/dev/video7", CaptureBackend.V4L2, 7);

    [Fact]
    public void Frames_carry_capture_timestamps_from_the_injected_clock()
    {
        var clock = new HistoricalScheduler(Start);
        var readers = new ScriptedReaders(clock, 3);
        var frames = new List<CapturedFrame>();

        using var subscription = Subscribe(clock, readers, Options(clock, attempts: 0), frames, out _);

        Assert.Equal([0L, 1, 2], frames.Select(f => f.Sequence));
        Assert.Equal(
            [Start + ScriptedReaders.FrameInterval, Start + (2 * ScriptedReaders.FrameInterval), Start + (3 * ScriptedReaders.FrameInterval)],
            frames.Select(f => f.CapturedAt));
    }

    [Fact]
    public void Reconnects_with_exponential_backoff_and_restarts_the_connection_count()
    {
        var clock = new HistoricalScheduler(Start);
        // Two frames, drop, two failed opens, two frames, then unplugged for good.
        var readers = new ScriptedReaders(clock, 2, null, null, 2);
        var frames = new List<CapturedFrame>();
        using var subscription = Subscribe(clock, readers, Options(clock, attempts: 5), frames, out var error);

        clock.AdvanceBy(TimeSpan.FromMinutes(1));

        Assert.Equal([0L, 1, 2, 3], frames.Select(f => f.Sequence));
        Assert.Equal([1, 1, 2, 2], frames.Select(f => f.Connection));
        var gaps = readers.OpenedAt.Zip(readers.OpenedAt.Skip(1), (a, b) => b - a).Select(g => g.TotalSeconds).ToArray();
        // Each drop is noticed after three 33 ms grabs and retried at once; then 1 s and 2 s before the open that
        // works; after the final drop 1, 2, 4, 8 and 8 s (capped at the maximum).
        Assert.Equal([0.099, 1.0, 2.0, 0.099, 1.0, 2.0, 4.0, 8.0, 8.0], gaps.Select(g => Math.Round(g, 3)));
        Assert.IsType<CaptureSourceLostException>(error.Value);
    }

    [Fact]
    public void Dead_source_is_reported_once_the_attempts_run_out_and_not_before()
    {
        var clock = new HistoricalScheduler(Start);
        var readers = new ScriptedReaders(clock);
        var frames = new List<CapturedFrame>();
        using var subscription = Subscribe(clock, readers, Options(clock, attempts: 3), frames, out var error);

        // Backoff 0.5 + 1 + 2 s: still trying at 3.4 s, reported at 3.5 s.
        clock.AdvanceBy(TimeSpan.FromSeconds(3.4));
        Assert.Null(error.Value);
        clock.AdvanceBy(TimeSpan.FromSeconds(0.1));

        var e = Assert.IsType<CaptureSourceLostException>(error.Value);
        Assert.Contains("/dev/video7: source lost: no frames after 4 attempt(s) over 3.5 s (V4L2 backend)", e.Message, StringComparison.Ordinal);
        Assert.Contains("device /dev/video7 unplugged", e.Message, StringComparison.Ordinal);
        Assert.Empty(frames);
    }

    [Fact]
    public void Stalled_source_is_reported_instead_of_hanging()
    {
        var clock = new HistoricalScheduler(Start);
        using var blocking = new BlockingReaders();
        var options = Options(clock, attempts: 0) with { FrameTimeout = TimeSpan.FromSeconds(2) };
        var error = new StrongBox<Exception?>();
        using var subscription = CameraStream.Open(Camera, options, blocking, (run, name) => new Thread(() => run()) { IsBackground = true, Name = name }.Start())
            .Subscribe(_ => { }, e => error.Value = e);
        Assert.True(blocking.GrabEntered.Wait(TimeSpan.FromSeconds(30)), "the reader thread never reached Grab");

        clock.AdvanceBy(TimeSpan.FromSeconds(1.9));
        Assert.Null(error.Value);
        clock.AdvanceBy(TimeSpan.FromSeconds(0.6));

        var e = Assert.IsType<CaptureSourceLostException>(error.Value);
        Assert.Contains("/dev/video7: source stalled: no frame within 2 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_the_subscription_stops_reading()
    {
        var clock = new HistoricalScheduler(Start);
        var readers = new ScriptedReaders(clock, 1, null, null, null);
        var frames = new List<CapturedFrame>();
        var subscription = Subscribe(clock, readers, Options(clock, attempts: 5), frames, out var error);

        subscription.Dispose();
        clock.AdvanceBy(TimeSpan.FromMinutes(1));

        Assert.Single(frames);
        Assert.Equal(2, readers.OpenedAt.Count);
        Assert.Null(error.Value);
    }

    private static CameraStreamOptions Options(HistoricalScheduler clock, int attempts) => new CameraStreamOptions
    {
        TimeProvider = new SchedulerTimeProvider(clock),
        ReconnectAttempts = attempts,
        ReconnectDelay = attempts == 3 ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(1),
        MaxReconnectDelay = TimeSpan.FromSeconds(8),
    }.Validate();

    // Inline start: the loop runs on the test thread until it waits on the virtual clock, so every step is deterministic.
    private IDisposable Subscribe(
        HistoricalScheduler clock, IFrameReaderFactory readers, CameraStreamOptions options, List<CapturedFrame> frames, out StrongBox<Exception?> error)
    {
        _ = clock;
        // Set here, not in the constructor: xunit installs its own context between construction and the test body.
        _previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new InlineSynchronizationContext());
        var box = new StrongBox<Exception?>();
        error = box;
        return CameraStream.Open(Camera, options, readers, (run, _) => run()).Subscribe(frames.Add, e => box.Value = e);
    }

    private sealed class BlockingReaders : IFrameReaderFactory, IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public ManualResetEventSlim GrabEntered { get; } = new();

        public IFrameReader Open(CaptureSource source, CameraStreamOptions options) => new Reader(this);

        public void Dispose()
        {
            _release.Set();
        }

        private sealed class Reader(BlockingReaders owner) : IFrameReader
        {
            public bool Grab()
            {
                owner.GrabEntered.Set();
                owner._release.Wait();
                return false;
            }

            public Image Retrieve() => throw new InvalidOperationException("never grabbed");

            public void Dispose()
            {
            }
        }
    }
}
