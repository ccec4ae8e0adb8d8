using Sim2Real.Core;

namespace Sim2Real.Robotics.Tests.Spec;

public class EpisodeSeedsTests
{
    [Fact]
    public void Episode_k_of_run_seed_s_is_one_fixed_world_seed()
    {
        // The mapping is part of the contract: changing it changes every world a seed names.
        Assert.Equal(SeedMixer.Mix(7, 3), EpisodeSeeds.World(7, 3));
        Assert.Equal(EpisodeSeeds.World(7, 3), EpisodeSeeds.World(7, 3));
        Assert.NotEqual(EpisodeSeeds.World(7, 3), EpisodeSeeds.World(7, 4));
        Assert.NotEqual(EpisodeSeeds.World(7, 3), EpisodeSeeds.World(8, 3));
    }

    [Fact]
    public void Held_out_evaluation_worlds_never_coincide_with_the_training_worlds_of_small_seeds()
    {
        var training = Enumerable.Range(0, 5).SelectMany(s => Enumerable.Range(0, 2000).Select(k => EpisodeSeeds.World(s, k))).ToHashSet();
        var heldOut = Enumerable.Range(0, 5).SelectMany(s => Enumerable.Range(0, 200).Select(k => EpisodeSeeds.World(EpisodeSeeds.HeldOut(s), k)));

        Assert.DoesNotContain(heldOut, training.Contains);
    }

    [Fact]
    public void Streams_of_one_world_are_distinct()
    {
        var world = EpisodeSeeds.World(1, 0);
        var streams = Enum.GetValues<EpisodeStream>().Select(s => EpisodeSeeds.Stream(world, s)).ToList();

        Assert.Equal(streams.Count, streams.Distinct().Count());
    }
}
