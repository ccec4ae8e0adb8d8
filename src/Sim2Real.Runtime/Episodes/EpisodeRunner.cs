using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Episodes;

/// <summary>
/// Drives a simulated robot's episodes for <c>deploy --episodes N</c>: once the loop runs, it asks for an episode
/// (/sim/reset), restarts the policy when /task/metrics shows the new episode begun (as a training episode starts,
/// with no ramp), and takes the simulator's score when the episode is done; then the next. A physical robot has no
/// such topics: its episodes are the operator's. Runs on the loop's thread.
/// </summary>
public sealed class EpisodeRunner : IDisposable
{
    private const int ResetAttempts = 3;
    private readonly int _episodes;
    private readonly PolicyLoop _loop;
    private readonly IObservable<TaskMetrics> _metrics;
    private readonly Action _reset;
    private readonly IScheduler _clock;
    private readonly TimeSpan _resetTimeout;
    private readonly SerialDisposable _subscription = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<EpisodeResult> _results = [];
    private readonly Lock _gate = new();
    private uint? _lastEpisode;
    private uint _lastStep;
    private uint? _current;
    private bool _awaitingStart;
    private DateTimeOffset _resetAt;
    private DateTimeOffset _startedAt;
    private int _attempts;
    private int _tripsBefore;

    /// <param name="reset">Publishes /sim/reset.</param>
    /// <param name="resetTimeout">How long, in the loop's clock, the simulator may take to begin an episode before the reset is sent again.</param>
    public EpisodeRunner(int episodes, PolicyLoop loop, IObservable<TaskMetrics> metrics, Action reset, IScheduler clock, TimeSpan resetTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(episodes, 1);
        _episodes = episodes;
        _loop = loop;
        _metrics = metrics;
        _reset = reset;
        _clock = clock;
        _resetTimeout = resetTimeout;
    }

    /// <summary>Called on the loop's thread when an episode begins (its number, the loop's time).</summary>
    public Action<uint, DateTimeOffset>? EpisodeStarted { get; init; }

    /// <summary>Called on the loop's thread when an episode is scored (its result, when it began and ended).</summary>
    public Action<EpisodeResult, DateTimeOffset, DateTimeOffset>? EpisodeEnded { get; init; }

    /// <summary>Completes when the last episode is scored, or faults when the simulator stops answering.</summary>
    public Task Completion => _done.Task;

    public IReadOnlyList<EpisodeResult> Results
    {
        get
        {
            lock (_gate)
            {
                return [.. _results];
            }
        }
    }

    /// <summary>The episode running now and how far into it, for the status line.</summary>
    public (uint? Episode, uint Step) Current => (_current, _lastStep);

    public void Start() => _subscription.Disposable = _metrics.Subscribe(OnMetrics);

    public void Dispose() => _subscription.Dispose();

    private void OnMetrics(TaskMetrics m)
    {
        var now = _clock.Now;
        var previous = _lastEpisode;
        var previousStep = _lastStep;
        _lastEpisode = m.Episode;
        _lastStep = m.Step;
        if (_done.Task.IsCompleted || _loop.State != LoopState.Running)
        {
            return;
        }

        if (_current is null && !_awaitingStart)
        {
            RequestEpisode(now);
            return;
        }

        if (_awaitingStart)
        {
            if (m.Episode != previous || m.Step < previousStep)
            {
                _awaitingStart = false;
                _current = m.Episode;
                _tripsBefore = _loop.TripHistory.Count;
                _startedAt = now;
                _loop.BeginEpisode(m.Episode);
                EpisodeStarted?.Invoke(m.Episode, now);
            }
            else if (now - _resetAt > _resetTimeout)
            {
                if (_attempts >= ResetAttempts)
                {
                    _done.TrySetException(new TimeoutException($"the simulated robot began no new episode on /task/metrics after {ResetAttempts} requests on /sim/reset"));
                    return;
                }

                RequestEpisode(now);
            }

            return;
        }

        if (m.Episode == _current && m.Done)
        {
            var metrics = new Dictionary<string, double>();
            for (var i = 0; i < Math.Min(m.Names.Length, m.Values.Length); i++)
            {
                metrics[m.Names[i]] = m.Values[i];
            }

            var trips = _loop.TripHistory.Skip(_tripsBefore).Select(t => t.Rule).ToList();
            var result = new EpisodeResult(m.Episode, m.Success, m.Fallen, m.Step, metrics, trips);
            lock (_gate)
            {
                _results.Add(result);
            }

            EpisodeEnded?.Invoke(result, _startedAt, now);

            _current = null;
            _attempts = 0;
            if (Results.Count >= _episodes)
            {
                _done.TrySetResult();
                return;
            }

            RequestEpisode(now);
        }
    }

    private void RequestEpisode(DateTimeOffset now)
    {
        _awaitingStart = true;
        _resetAt = now;
        _attempts++;
        _reset();
    }
}
