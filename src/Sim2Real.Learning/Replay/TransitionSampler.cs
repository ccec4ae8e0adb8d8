namespace Sim2Real.Learning.Replay;

/// <summary>
/// Draws whole n-step transitions from replay storage and copies them into batch buffers. Draws are uniform
/// over start steps and rejected unless steps t..t+n share an episode and every frame of both stacks is held;
/// a copy that raced with the actor overwriting one of its slots is detected by the slot's seqlock and redrawn.
/// Callers serialize calls (the RNG is not thread-safe); the copies themselves may fan out over threads.
/// </summary>
internal sealed class TransitionSampler<T>
    where T : unmanaged
{
    private const int MaxDrawsPerItem = 100_000;

    private readonly ReplayStorage<T> _storage;
    private readonly Func<long> _written;
    private readonly Xoshiro256StarStar _random;
    private readonly int _capacity;
    private readonly int _frameLength;
    private readonly int _obsLength;
    private readonly int _actionDim;
    private readonly int _stack;
    private readonly int _nstep;
    private readonly int _threads;
    private readonly float _gamma;
    private (long Start, long Episode)[] _starts = [];
    private bool[] _torn = [];

    public TransitionSampler(ReplayOptions options, ReplayStorage<T> storage, Xoshiro256StarStar random, Func<long> written)
    {
        _storage = storage;
        _written = written;
        _random = random;
        _capacity = options.Capacity;
        _frameLength = (int)options.FrameLength;
        _obsLength = (int)options.ObservationLength;
        _actionDim = options.ActionDim;
        _stack = options.FrameStack;
        _nstep = options.NStep;
        _threads = options.SampleThreads;
        // float32 throughout, as numpy computes it in the reference.
        _gamma = (float)options.Discount;
    }

    public ulong[] RandomState => _random.State;

    /// <summary>Fills every item of the batch; the draws stay sequential, so thread count never changes a batch.</summary>
    public void Sample(Span<T> observation, Span<float> action, Span<float> reward, Span<float> discount, Span<T> nextObservation)
    {
        if (_threads == 1 || reward.Length == 1)
        {
            for (var b = 0; b < reward.Length; b++)
            {
                DrawAndCopy(b, observation, action, reward, discount, nextObservation);
            }
        }
        else
        {
            SampleInParallel(observation, action, reward, discount, nextObservation);
        }
    }

    private unsafe void SampleInParallel(Span<T> observation, Span<float> action, Span<float> reward, Span<float> discount, Span<T> nextObservation)
    {
        var batch = reward.Length;
        if (_starts.Length < batch)
        {
            _starts = new (long, long)[batch];
            _torn = new bool[batch];
        }

        var starts = _starts;
        var torn = _torn;
        for (var b = 0; b < batch; b++)
        {
            starts[b] = Draw();
        }

        fixed (T* obs = observation)
        fixed (T* next = nextObservation)
        fixed (float* act = action)
        fixed (float* rew = reward)
        fixed (float* disc = discount)
        {
            nint o = (nint)obs, n = (nint)next, a = (nint)act, r = (nint)rew, d = (nint)disc;
            Parallel.For(0, batch, new ParallelOptions { MaxDegreeOfParallelism = _threads }, b =>
            {
                torn[b] = !TryCopy(
                    starts[b],
                    new Span<T>((T*)o + ((long)b * _obsLength), _obsLength),
                    new Span<float>((float*)a + ((long)b * _actionDim), _actionDim),
                    out ((float*)r)[b],
                    out ((float*)d)[b],
                    new Span<T>((T*)n + ((long)b * _obsLength), _obsLength));
            });
        }

        // Items whose slots the actor overwrote during the copy are drawn again, one by one.
        for (var b = 0; b < batch; b++)
        {
            if (torn[b])
            {
                DrawAndCopy(b, observation, action, reward, discount, nextObservation);
            }
        }
    }

    private void DrawAndCopy(int b, Span<T> observation, Span<float> action, Span<float> reward, Span<float> discount, Span<T> nextObservation)
    {
        while (!TryCopy(
            Draw(),
            observation.Slice(b * _obsLength, _obsLength),
            action.Slice(b * _actionDim, _actionDim),
            out reward[b],
            out discount[b],
            nextObservation.Slice(b * _obsLength, _obsLength)))
        {
        }
    }

    /// <summary>Draws start steps t (the observation) until one begins a whole transition t -> t+n.</summary>
    private (long Start, long Episode) Draw()
    {
        for (var draws = 0; draws < MaxDrawsPerItem; draws++)
        {
            var written = _written();
            var oldest = Math.Max(0, written - _capacity);
            var starts = written - _nstep - oldest;
            if (starts <= 0)
            {
                throw new InvalidOperationException($"replay: no complete {_nstep}-step transition yet ({written} steps written)");
            }

            var t = oldest + (long)_random.NextBelow((ulong)starts);
            if (IsWhole(t, out var episode))
            {
                return (t, episode);
            }
        }

        throw new InvalidOperationException(
            $"replay: {MaxDrawsPerItem} draws found no complete {_nstep}-step transition among {Math.Min(_written(), _capacity)} held steps; episodes may be shorter than nstep + 1 steps");
    }

    /// <summary>Steps t..t+n belong to one episode and every frame of both stacks is still held.</summary>
    private bool IsWhole(long t, out long episode)
    {
        episode = -1;
        if (_storage.IndexAt(t) != t)
        {
            return false;
        }

        episode = _storage.EpisodeStartAt(t);
        if (episode < 0 || episode > t)
        {
            return false;
        }

        for (var j = 1; j <= _nstep; j++)
        {
            if (_storage.IndexAt(t + j) != t + j || _storage.EpisodeStartAt(t + j) != episode)
            {
                return false;
            }
        }

        return OlderStackFramesHeld(t, episode);
    }

    /// <summary>
    /// Copies the transition drawn at <paramref name="start"/>, then checks no slot it read was overwritten
    /// meanwhile (each slot is a seqlock: its index changes before and after any rewrite).
    /// </summary>
    private bool TryCopy((long Start, long Episode) start, Span<T> observation, Span<float> action, out float reward, out float discount, Span<T> nextObservation)
    {
        var (t, episode) = start;
        CopyStack(t, episode, observation);
        CopyStack(t + _nstep, episode, nextObservation);
        _storage.ActionAt(t + 1).CopyTo(action);
        reward = 0f;
        discount = 1f;
        for (var i = 1; i <= _nstep; i++)
        {
            reward += discount * _storage.RewardAt(t + i);
            discount *= _storage.DiscountAt(t + i) * _gamma;
        }

        Interlocked.MemoryBarrier();
        for (var j = 0; j <= _nstep; j++)
        {
            if (_storage.IndexAt(t + j) != t + j)
            {
                return false;
            }
        }

        return OlderStackFramesHeld(t, episode);
    }

    /// <summary>Frames of the observation stack older than t (clamped to the episode start) are still in their slots.</summary>
    private bool OlderStackFramesHeld(long t, long episode)
    {
        for (var i = 0; i < _stack - 1; i++)
        {
            var s = Math.Max(t - (_stack - 1) + i, episode);
            if (s < t && _storage.IndexAt(s) != s)
            {
                return false;
            }
        }

        return true;
    }

    private void CopyStack(long newest, long episode, Span<T> destination)
    {
        for (var i = 0; i < _stack; i++)
        {
            var step = Math.Max(newest - (_stack - 1) + i, episode);
            _storage.FrameAt(step).CopyTo(destination.Slice(i * _frameLength, _frameLength));
        }
    }
}
