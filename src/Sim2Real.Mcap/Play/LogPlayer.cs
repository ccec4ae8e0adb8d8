using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Sim2Real.Mcap.Reading;

namespace Sim2Real.Mcap.Play;

/// <summary>
/// Republishes logged messages with their original timing, like <c>ros2 bag play</c>: the first message at once, each
/// later one when <c>(log time - first log time) / rate</c> has passed on the scheduler, the files of a bag one after
/// another, from the start again when looping; /clock, when asked, at a fixed rate carrying the log's time. Time
/// comes from the injected <see cref="IScheduler"/> (a virtual-time scheduler in tests).
/// </summary>
public sealed class LogPlayer
{
    private readonly IReadOnlyList<string> _files;
    private readonly LogPlayerOptions _options;

    /// <param name="files">MCAP files in play order (one log, or a bag's files as its metadata.yaml lists them).</param>
    public LogPlayer(IReadOnlyList<string> files, LogPlayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files.Count > 0 ? files : throw new ArgumentException("nothing to play", nameof(files));
        _options = options ?? new LogPlayerOptions();
        _options.Validate();
    }

    /// <summary>The files to play for <paramref name="input"/>: an .mcap log, or the files a bag directory's metadata.yaml lists.</summary>
    /// <exception cref="Core.InvalidConfigException">Neither exists, or the bag directory's metadata is wrong.</exception>
    public static IReadOnlyList<string> FilesOf(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Directory.Exists(input) ? Bags.BagMetadata.Files(input)
            : File.Exists(input) ? [input]
            : throw new Core.InvalidConfigException(input, "input", "no such log file or bag directory");
    }

    /// <summary>Messages published so far.</summary>
    public long Published { get; private set; }

    /// <summary>Loops completed so far.</summary>
    public int Loops { get; private set; }

    /// <summary>
    /// Starts playing on <paramref name="scheduler"/>. <paramref name="completed"/> is called once: with null after the
    /// last message (never when looping), or with the error that stopped playback. Dispose the result to stop.
    /// </summary>
    public IDisposable Start(IScheduler scheduler, IPlaybackSink sink, Action<Exception?> completed)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(completed);
        var state = new Run(this, scheduler, sink, completed);
        state.Begin();
        return state;
    }

    private sealed class Run(LogPlayer player, IScheduler scheduler, IPlaybackSink sink, Action<Exception?> completed) : IDisposable
    {
        private readonly SerialDisposable _next = new();
        private readonly SerialDisposable _clock = new();
        private readonly List<McapReader> _open = [];
        private IEnumerator<McapMessageEntry>? _messages;
        private McapMessageEntry? _pending;
        private DateTimeOffset _started;
        private ulong _firstLogTime;
        private bool _done;

        public void Begin()
        {
            try
            {
                Restart();
                if (player._options.ClockHz > 0)
                {
                    _clock.Disposable = scheduler.SchedulePeriodic(TimeSpan.FromSeconds(1 / player._options.ClockHz), () => sink.PublishClock(LogNow()));
                    sink.PublishClock(LogNow());
                }

                ScheduleNext();
            }
            catch (Exception e) when (e is McapFormatException or IOException)
            {
                Finish(e);
            }
        }

        public void Dispose()
        {
            _done = true;
            _next.Dispose();
            _clock.Dispose();
            Close();
        }

        private ulong LogNow()
        {
            var elapsed = (scheduler.Now - _started).Ticks * 100 * player._options.Rate;
            return _firstLogTime + (ulong)Math.Max(0, elapsed);
        }

        private void Restart()
        {
            Close();
            _messages = Messages().GetEnumerator();
            _pending = _messages.MoveNext() ? _messages.Current : null;
            _started = scheduler.Now;
            _firstLogTime = _pending?.Message.LogTime ?? 0;
        }

        private IEnumerable<McapMessageEntry> Messages()
        {
            foreach (var file in player._files)
            {
                var reader = McapReader.Open(file);
                _open.Add(reader);
                foreach (var entry in reader.ReadMessages())
                {
                    yield return entry;
                }
            }
        }

        private void ScheduleNext()
        {
            if (_done)
            {
                return;
            }

            if (_pending is null)
            {
                if (player._options.Loop && player.Published > 0)
                {
                    player.Loops++;
                    Restart();
                }
                else
                {
                    Finish(null);
                    return;
                }
            }

            var offset = _pending!.Message.LogTime >= _firstLogTime ? _pending.Message.LogTime - _firstLogTime : 0;
            var due = _started + TimeSpan.FromTicks((long)(offset / 100 / player._options.Rate));
            _next.Disposable = scheduler.Schedule(due, () =>
            {
                try
                {
                    sink.Publish(_pending.Channel, _pending.Message);
                    player.Published++;
                    _pending = _messages!.MoveNext() ? _messages.Current : null;
                    ScheduleNext();
                }
                catch (Exception e) when (e is McapFormatException or IOException)
                {
                    Finish(e);
                }
            });
        }

        private void Finish(Exception? error)
        {
            if (_done)
            {
                return;
            }

            _done = true;
            _clock.Dispose();
            Close();
            completed(error);
        }

        private void Close()
        {
            _messages?.Dispose();
            _messages = null;
            foreach (var reader in _open)
            {
                reader.Dispose();
            }

            _open.Clear();
        }
    }
}
