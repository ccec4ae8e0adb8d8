namespace Sim2Real.Core;

/// <summary>
/// The one definition of which world an episode is. Episode k (counting from 0) of a run with seed S is the world
/// seeded <see cref="World"/>(S, k), wherever it runs: <c>sim play --seed S</c>, training and its held-out
/// evaluation, and <c>sim serve --seed S</c> driven episode by episode. Inside an episode, each kind of randomness
/// draws from its own stream of that world seed, so turning one kind off (e.g. randomization) leaves the others
/// (e.g. the reach targets) as they were.
/// </summary>
public static class EpisodeSeeds
{
    /// <summary>Held-out evaluation of a training run with seed S uses the run seed <c>HeldOutBase + S</c>.</summary>
    public const int HeldOutBase = 1_000_000_000;

    /// <summary>The seed of episode <paramref name="episode"/> of a run seeded <paramref name="runSeed"/>.</summary>
    public static int World(int runSeed, long episode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(episode);
        return SeedMixer.Mix(runSeed, unchecked((int)(episode % int.MaxValue)));
    }

    /// <summary>The run seed whose episodes are the held-out evaluation worlds of training run <paramref name="trainingSeed"/>.</summary>
    public static int HeldOut(int trainingSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trainingSeed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trainingSeed, int.MaxValue - HeldOutBase);
        return HeldOutBase + trainingSeed;
    }

    /// <summary>The seed of one kind of randomness inside the world seeded <paramref name="worldSeed"/>.</summary>
    public static int Stream(int worldSeed, EpisodeStream stream) => SeedMixer.Mix(worldSeed, (int)stream);
}
