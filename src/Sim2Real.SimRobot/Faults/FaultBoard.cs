namespace Sim2Real.SimRobot.Faults;

/// <summary>
/// Which faults are active, on the robot's clock: command-line faults wait for their start time, /sim/fault ones start
/// at once; each ends after its duration, at a CLEAR, or never (duration 0). One fault per kind: a new one replaces it.
/// Every start and end is reported once, in time order, for /diagnostics.
/// </summary>
internal sealed class FaultBoard
{
    // Robot time is steps x timestep: a fault meant to end on a step must not miss it by a rounding error.
    private const double Tolerance = 1e-9;

    private readonly List<FaultSpec> _scheduled;
    private readonly Dictionary<FaultKind, (FaultSpec Spec, double Start, double End)> _active = [];

    public FaultBoard(IEnumerable<FaultSpec> scheduled) =>
        _scheduled = [.. scheduled.OrderBy(f => f.AtS ?? 0)];

    public FaultSpec? Active(FaultKind kind) => _active.TryGetValue(kind, out var a) ? a.Spec : null;

    public bool IsActive(FaultKind kind) => _active.ContainsKey(kind);

    public IEnumerable<FaultSpec> ActiveFaults => _active.Values.Select(a => a.Spec);

    /// <summary>Ends the faults whose time is up and starts the scheduled ones that are due, at <paramref name="nowS"/>.</summary>
    public void Update(double nowS, List<FaultTransition> transitions)
    {
        foreach (var (kind, active) in _active.Where(a => a.Value.End <= nowS + Tolerance).OrderBy(a => a.Value.End).ToList())
        {
            _active.Remove(kind);
            transitions.Add(new FaultTransition(active.Spec, false, nowS));
        }

        while (_scheduled.Count > 0 && (_scheduled[0].AtS ?? 0) <= nowS + Tolerance)
        {
            var next = _scheduled[0];
            _scheduled.RemoveAt(0);
            Apply(next, nowS, transitions);
        }
    }

    /// <summary>Starts <paramref name="fault"/> now (a CLEAR ends every active fault).</summary>
    public void Apply(FaultSpec fault, double nowS, List<FaultTransition> transitions)
    {
        if (fault.Kind == FaultKind.Clear)
        {
            foreach (var (kind, active) in _active.OrderBy(a => a.Key).ToList())
            {
                _active.Remove(kind);
                transitions.Add(new FaultTransition(active.Spec, false, nowS));
            }

            return;
        }

        var end = fault.DurationS > 0 ? nowS + fault.DurationS : double.PositiveInfinity;
        _active[fault.Kind] = (fault, nowS, end);
        transitions.Add(new FaultTransition(fault, true, nowS));
    }
}
