using Sim2Real.Core;

namespace Sim2Real.Learning.Replay;

/// <summary>
/// DrQ-v2's replay buffer with frames stored once. Each step keeps one frame (uint8 [3, H, W] for pixels, float
/// [D] for states) with the action, reward and discount that led to it; sampling rebuilds the stack of the last
/// k frames (the first frame repeated at an episode start, as a frame-stack wrapper does at reset) and the n-step
/// return and discount of the reference's replay_buffer.py:
/// reward = sum_i (prod_{j&lt;i} gamma d_{t+j}) r_{t+i}, discount = prod_i gamma d_{t+i}, over n whole steps of one episode.
/// <para>
/// One producer (the actor) and one or more consumers (learners) may run at once without blocking each other:
/// each slot is a seqlock, and a sample that raced with the overwrite of a slot it read is drawn again
/// (see <see cref="TransitionSampler{T}"/>).
/// </para>
/// </summary>
public sealed class ReplayBuffer<T> : IDisposable
    where T : unmanaged
{
    private readonly ReplayStorage<T> _storage;
    private readonly TransitionSampler<T> _sampler;
    private readonly Lock _addLock = new();
    private readonly Lock _sampleLock = new();
    private readonly string? _ownedDirectory;
    private readonly int _capacity;
    private readonly int _frameLength;
    private readonly int _obsLength;
    private readonly int _actionDim;
    private long _written;
    private long _episodeStart;
    private bool _disposed;

    private ReplayBuffer(ReplayOptions options, ReplayStorage<T> storage, string? ownedDirectory, Xoshiro256StarStar random, long written, long episodeStart)
    {
        Options = options;
        _storage = storage;
        _ownedDirectory = ownedDirectory;
        _capacity = options.Capacity;
        _frameLength = (int)options.FrameLength;
        _obsLength = (int)options.ObservationLength;
        _actionDim = options.ActionDim;
        _written = written;
        _episodeStart = episodeStart;
        _sampler = new TransitionSampler<T>(options, storage, random, () => Volatile.Read(ref _written));
    }

    public ReplayOptions Options { get; }

    /// <summary>Steps added since creation, including those already overwritten.</summary>
    public long StepsWritten => Volatile.Read(ref _written);

    /// <summary>Steps currently held.</summary>
    public int Count => (int)Math.Min(StepsWritten, _capacity);

    /// <summary>Where the frames live (a sparse memory-mapped file).</summary>
    public string FramesPath => _storage.FramesPath;

    /// <summary>A new, empty buffer; existing storage files in <see cref="ReplayOptions.Directory"/> are replaced.</summary>
    public static ReplayBuffer<T> Create(ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var owned = options.Directory is null ? System.IO.Directory.CreateTempSubdirectory("s2r-replay-").FullName : null;
        var directory = options.Directory ?? owned!;
        System.IO.Directory.CreateDirectory(directory);
        var storage = ReplayStorage<T>.Create(directory, options.Capacity, (int)options.FrameLength, options.ActionDim);
        return new ReplayBuffer<T>(options, storage, owned, new Xoshiro256StarStar(options.Seed), 0, -1);
    }

    /// <summary>Reopens the storage in <see cref="ReplayOptions.Directory"/> at a saved <paramref name="state"/>.</summary>
    /// <exception cref="InvalidConfigException">The options or the files do not match the state.</exception>
    public static ReplayBuffer<T> Open(ReplayOptions options, ReplayState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        options.Validate();
        var directory = options.Directory ?? throw new InvalidConfigException("replay options", "directory", "resuming needs the folder the buffer was stored in");
        state.RequireMatches(options, directory);
        ReplayStorage<T> storage;
        try
        {
            storage = ReplayStorage<T>.Open(directory, options.Capacity, (int)options.FrameLength, options.ActionDim);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or DirectoryNotFoundException)
        {
            throw new InvalidConfigException(directory, "replay storage", e.Message, e);
        }

        return new ReplayBuffer<T>(options, storage, null, Xoshiro256StarStar.FromState(state.Random), state.StepsWritten, state.EpisodeStart);
    }

    /// <summary>Begins an episode with its first observation (the reset frame); the previous episode ends here.</summary>
    public void StartEpisode(ReadOnlySpan<T> frame)
    {
        Span<float> noAction = stackalloc float[Options.ActionDim];
        lock (_addLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            RequireFrame(frame);
            var step = _written;
            _storage.Write(step, step, noAction, 0f, 1f, frame);
            _episodeStart = step;
            Volatile.Write(ref _written, step + 1);
        }
    }

    /// <summary>
    /// Adds the step that <paramref name="action"/> led to: its reward, the environment's discount (0 at a
    /// terminal state, 1 otherwise) and the new frame.
    /// </summary>
    public void Add(ReadOnlySpan<float> action, float reward, float discount, ReadOnlySpan<T> frame)
    {
        lock (_addLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_episodeStart < 0)
            {
                throw new InvalidOperationException("replay: Add before StartEpisode; begin each episode with its reset frame");
            }

            RequireFrame(frame);
            if (action.Length != Options.ActionDim)
            {
                throw new ArgumentException($"replay: action has {action.Length} values, expected action_dim {Options.ActionDim}", nameof(action));
            }

            var step = _written;
            _storage.Write(step, _episodeStart, action, reward, discount, frame);
            Volatile.Write(ref _written, step + 1);
        }
    }

    public void Sample(ReplayBatch<T> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Sample(batch.Observation, batch.Action, batch.Reward, batch.Discount, batch.NextObservation);
    }

    /// <summary>
    /// Draws <c>reward.Length</c> transitions uniformly among the complete n-step transitions held, into
    /// caller-owned buffers (obs/next_obs [B, k*frame], action [B, A], reward and discount [B]). With
    /// <see cref="ReplayOptions.SampleThreads"/> above 1 the copies run in parallel; the draws stay sequential, so
    /// a given seed and contents give the same batch at any thread count.
    /// </summary>
    /// <exception cref="InvalidOperationException">No complete n-step transition is held yet.</exception>
    public void Sample(Span<T> observation, Span<float> action, Span<float> reward, Span<float> discount, Span<T> nextObservation)
    {
        var batch = reward.Length;
        RequireLength(observation.Length, (long)batch * _obsLength, nameof(observation));
        RequireLength(nextObservation.Length, (long)batch * _obsLength, nameof(nextObservation));
        RequireLength(action.Length, (long)batch * _actionDim, nameof(action));
        RequireLength(discount.Length, batch, nameof(discount));
        lock (_sampleLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _sampler.Sample(observation, action, reward, discount, nextObservation);
        }
    }

    /// <summary>The position and RNG state, after flushing the storage so the files agree with it.</summary>
    public ReplayState CaptureState()
    {
        lock (_addLock)
        {
            lock (_sampleLock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _storage.Flush();
                return new ReplayState
                {
                    Capacity = _capacity,
                    FrameShape = Options.FrameShape.ToArray(),
                    FrameStack = Options.FrameStack,
                    ActionDim = Options.ActionDim,
                    NStep = Options.NStep,
                    Discount = Options.Discount,
                    StepsWritten = _written,
                    EpisodeStart = _episodeStart,
                    Random = _sampler.RandomState,
                };
            }
        }
    }

    public void Dispose()
    {
        lock (_addLock)
        {
            lock (_sampleLock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _storage.Dispose();
                if (_ownedDirectory is not null)
                {
                    System.IO.Directory.Delete(_ownedDirectory, recursive: true);
                }
            }
        }
    }

    private void RequireFrame(ReadOnlySpan<T> frame)
    {
        if (frame.Length != _frameLength)
        {
            throw new ArgumentException(
                $"replay: frame has {frame.Length} values, expected {_frameLength} for shape [{string.Join(", ", Options.FrameShape)}]", nameof(frame));
        }
    }

    private static void RequireLength(int actual, long expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"replay: {name} buffer holds {actual} values, the batch needs {expected}", name);
        }
    }
}
