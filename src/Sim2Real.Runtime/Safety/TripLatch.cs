namespace Sim2Real.Runtime.Safety;

/// <summary>
/// The tripped rules. A rule, once tripped, stays tripped (latches) whatever its input does next, until an explicit
/// reset releases every rule at once; a condition still present then trips again at the next check.
/// </summary>
internal sealed class TripLatch
{
    private readonly List<Trip> _active = [];

    public bool Tripped => _active.Count > 0;

    public IReadOnlyList<Trip> Active => _active;

    public bool IsActive(string rule) => _active.Exists(t => t.Rule == rule);

    /// <summary>Latches <paramref name="rule"/>; null when it was already tripped.</summary>
    public Trip? Trip(string rule, string reason, DateTimeOffset detectedAt)
    {
        if (IsActive(rule))
        {
            return null;
        }

        var trip = new Trip(rule, reason, detectedAt);
        _active.Add(trip);
        return trip;
    }

    /// <summary>Releases every rule; returns those that were tripped.</summary>
    public IReadOnlyList<Trip> Release()
    {
        var released = _active.ToList();
        _active.Clear();
        return released;
    }

    /// <summary>"ok", or "tripped:&lt;rule&gt;" for the first rule that tripped (PolicyTick's safety_state).</summary>
    public string State => _active.Count == 0 ? "ok" : "tripped:" + _active[0].Rule;
}
