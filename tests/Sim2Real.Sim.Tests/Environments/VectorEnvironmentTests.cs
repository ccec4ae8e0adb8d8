using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Environments;

public class VectorEnvironmentTests
{
    [Fact]
    public void Results_depend_on_the_seed_and_not_on_the_thread_count()
    {
        var options = new EnvironmentOptions { Robot = "arm6", Task = "push", Randomize = true };

        Assert.Equal(Run(options, threads: 1), Run(options, threads: 2));
    }

    [Fact]
    public void Environments_of_a_vector_get_different_seeds()
    {
        using var vector = new VectorEnvironment(new EnvironmentOptions { Robot = "arm6", Task = "reach", Randomize = true }, count: 3, threads: 1);

        var first = vector.Reset(9);

        Assert.NotEqual(first[0].Observation.State[18..], first[1].Observation.State[18..]);
        Assert.NotEqual(first[1].Observation.Privileged!, first[2].Observation.Privileged!);
    }

    private static List<float> Run(EnvironmentOptions options, int threads)
    {
        using var vector = new VectorEnvironment(options, count: 4, threads: threads);
        var trace = new List<float>();
        var random = new Random(11);
        vector.Reset(21);
        for (var t = 0; t < 30; t++)
        {
            var actions = Enumerable.Range(0, vector.Count)
                .Select(_ => Enumerable.Range(0, 6).Select(_ => (float)((2 * random.NextDouble()) - 1)).ToArray())
                .ToArray();
            foreach (var step in vector.Step(actions))
            {
                trace.AddRange(step.Observation.State);
                trace.AddRange(step.Observation.Privileged!);
                trace.Add((float)step.Reward);
            }
        }

        return trace;
    }
}
