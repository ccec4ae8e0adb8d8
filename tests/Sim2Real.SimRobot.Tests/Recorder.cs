namespace Sim2Real.SimRobot.Tests;

/// <summary>Everything a subscription received, in order, with a bounded wait for the first message that matches.</summary>
internal sealed class Recorder<T>
{
    /// <summary>How long a wait may take before the test fails: it only bounds a failing run on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<T> _items = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _added = new(0);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }

        _added.Release();
    }

    public T[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }

    /// <summary>The first message (from index <paramref name="from"/> on) that matches, waiting for it if need be.</summary>
    public async Task<T> WaitFor(Func<T, bool> match, int from = 0, string? what = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            lock (_gate)
            {
                for (var i = from; i < _items.Count; i++)
                {
                    if (match(_items[i]))
                    {
                        return _items[i];
                    }
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no {what ?? typeof(T).Name} arrived that matches, of {Count} received");
            }

            await _added.WaitAsync(TimeSpan.FromMilliseconds(Math.Min(200, left.TotalMilliseconds)));
        }
    }
}
