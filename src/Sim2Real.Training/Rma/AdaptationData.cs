using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Training.Rma;

/// <summary>
/// Phase 2's aggregated data (DAgger keeps what the student visited): a FIFO of the last <c>capacity</c> policy
/// ticks, each the state φ's history gets at that tick, the normalised e_t, and the tick its episode started. A
/// sample's history is rebuilt from the ticks before it (pre-filled with the episode's first state, as the policy
/// does), so the FIFO holds one state per tick instead of k, and it is exactly what the student saw.
/// </summary>
internal sealed class AdaptationData
{
    private const string StatesTensor = "data.states";
    private const string FactorsTensor = "data.env_factors";
    private const string StartsTensor = "data.episode_starts";
    private readonly float[] _states;
    private readonly float[] _factors;
    private readonly long[] _starts;

    public AdaptationData(int capacity, int stateDim, int factorDim, int historyLength)
    {
        if (capacity < historyLength)
        {
            throw new Core.InvalidConfigException("adapt options", "data_capacity", $"must hold at least one history ({historyLength} ticks), got {capacity}");
        }

        Capacity = capacity;
        StateDim = stateDim;
        FactorDim = factorDim;
        HistoryLength = historyLength;
        _states = new float[(long)capacity * stateDim];
        _factors = new float[(long)capacity * factorDim];
        _starts = new long[capacity];
    }

    public int Capacity { get; }

    public int StateDim { get; }

    public int FactorDim { get; }

    public int HistoryLength { get; }

    /// <summary>Ticks added so far (also the next tick's number).</summary>
    public long Written { get; private set; }

    /// <summary>Ticks a sample may end at: all kept ones whose whole history is still kept.</summary>
    public long Available => Math.Max(0, Math.Min(Written, Capacity - HistoryLength + 1));

    public void Add(ReadOnlySpan<float> state, ReadOnlySpan<float> envFactors, long episodeStart)
    {
        var slot = (int)(Written % Capacity);
        state.CopyTo(_states.AsSpan(slot * StateDim, StateDim));
        envFactors.CopyTo(_factors.AsSpan(slot * FactorDim, FactorDim));
        _starts[slot] = episodeStart;
        Written++;
    }

    /// <summary>Fills [B, k, D] histories and [B, E] e_t of <paramref name="batch"/> ticks drawn uniformly from what is kept.</summary>
    public void Sample(int batch, SplitMix64 random, float[] histories, float[] factors)
    {
        var k = HistoryLength;
        var oldest = Written - Available;
        for (var b = 0; b < batch; b++)
        {
            var tick = oldest + random.NextLong(Available);
            var slot = (int)(tick % Capacity);
            var start = _starts[slot];
            for (var j = 0; j < k; j++)
            {
                var source = Math.Max(start, tick - (k - 1) + j);
                _states.AsSpan((int)(source % Capacity) * StateDim, StateDim).CopyTo(histories.AsSpan(((b * k) + j) * StateDim, StateDim));
            }

            _factors.AsSpan(slot * FactorDim, FactorDim).CopyTo(factors.AsSpan(b * FactorDim, FactorDim));
        }
    }

    public IEnumerable<SafeTensor> Entries()
    {
        yield return SafeTensor.Create<float>(StatesTensor, [Capacity, StateDim], _states);
        yield return SafeTensor.Create<float>(FactorsTensor, [Capacity, FactorDim], _factors);
        yield return SafeTensor.Create<long>(StartsTensor, [Capacity], _starts);
    }

    public void Load(SafetensorsFile file, long written)
    {
        TensorSpec.Verify(file.Source, file.Tensors.Where(t => t.Name.StartsWith("data.", StringComparison.Ordinal)), [
            new TensorSpec(StatesTensor, SafetensorsDtype.F32, [Capacity, StateDim]),
            new TensorSpec(FactorsTensor, SafetensorsDtype.F32, [Capacity, FactorDim]),
            new TensorSpec(StartsTensor, SafetensorsDtype.I64, [Capacity]),
        ]);
        file[StatesTensor].AsSpan<float>().CopyTo(_states);
        file[FactorsTensor].AsSpan<float>().CopyTo(_factors);
        file[StartsTensor].AsSpan<long>().CopyTo(_starts);
        Written = written;
    }
}
