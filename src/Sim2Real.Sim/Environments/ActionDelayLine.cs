namespace Sim2Real.Sim.Environments;

/// <summary>
/// Delays joint targets by a whole number of control steps, the way a real robot's command path (network, driver,
/// bus) lags the policy. With latency k the target applied at step t is the one chosen at step t-k; before the
/// episode has k steps of history, the reset target is applied.
/// </summary>
internal sealed class ActionDelayLine
{
    private readonly int _width;
    private double[][] _slots = [];
    private int _head;

    public ActionDelayLine(int width) => _width = width;

    public int LatencySteps { get; private set; }

    public void Reset(int latencySteps, ReadOnlySpan<double> initial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(latencySteps);
        LatencySteps = latencySteps;
        _slots = new double[latencySteps + 1][];
        for (var i = 0; i <= latencySteps; i++)
        {
            _slots[i] = initial.ToArray();
        }

        _head = 0;
    }

    /// <summary>Queues this step's target and returns the one to apply now.</summary>
    public ReadOnlySpan<double> Push(ReadOnlySpan<double> target)
    {
        if (target.Length != _width)
        {
            throw new ArgumentException($"target has {target.Length} values, expected {_width}", nameof(target));
        }

        // The ring holds k+1 targets: after writing, the next slot is the one written k steps ago.
        target.CopyTo(_slots[_head]);
        _head = (_head + 1) % _slots.Length;
        return _slots[_head];
    }
}
