using Sim2Real.Core;
using Sim2Real.Robotics;

namespace Sim2Real.Sim.Environments;

/// <summary>
/// N environments stepped together on up to K threads. Environment i is reset with a seed derived from (seed, i)
/// and owns its model, data and random streams, so results depend on the seed alone, never on the thread count
/// or scheduling. Each environment starts its next episode by itself after a Last step (dm_control's auto-reset).
/// </summary>
public sealed class VectorEnvironment : IDisposable
{
    private readonly IEnvironment[] _environments;
    private readonly ParallelOptions _parallel;

    /// <param name="threads">Worker threads; 1 steps every environment on the caller's thread.</param>
    public VectorEnvironment(EnvironmentOptions options, int count, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _environments = new IEnvironment[count];
        using var blueprint = RobotEnvironments.Blueprint.Load(options);
        try
        {
            for (var i = 0; i < count; i++)
            {
                _environments[i] = blueprint.Build();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Count => _environments.Length;

    public int Threads { get; }

    public IReadOnlyList<ArraySpec> ObservationSpec => _environments[0].ObservationSpec;

    public ArraySpec ActionSpec => _environments[0].ActionSpec;

    public TimeStep[] Reset(int seed)
    {
        var steps = new TimeStep[Count];
        Run(i => steps[i] = _environments[i].Reset(SeedMixer.Mix(seed, i)));
        return steps;
    }

    /// <param name="actions">One action per environment.</param>
    public TimeStep[] Step(IReadOnlyList<float[]> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count != Count)
        {
            throw new ArgumentException($"got {actions.Count} actions for {Count} environments", nameof(actions));
        }

        var steps = new TimeStep[Count];
        Run(i => steps[i] = _environments[i].Step(actions[i]));
        return steps;
    }

    public void Dispose()
    {
        foreach (var environment in _environments)
        {
            environment?.Dispose();
        }
    }

    private void Run(Action<int> body)
    {
        if (Threads == 1)
        {
            for (var i = 0; i < Count; i++)
            {
                body(i);
            }
        }
        else
        {
            Parallel.For(0, Count, _parallel, body);
        }
    }
}
