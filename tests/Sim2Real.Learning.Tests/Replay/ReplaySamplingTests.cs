using Sim2Real.Learning.Replay;

namespace Sim2Real.Learning.Tests.Replay;

public class ReplaySamplingTests
{
    // Frames are [3, 2, 2] bytes, every byte = global step + 10, so a sampled stack names the steps it came from.
    private static ReplayOptions Small(int capacity = 64, int nstep = 3, int stack = 3, double discount = 0.5) => new()
    {
        Capacity = capacity,
        FrameShape = [3, 2, 2],
        FrameStack = stack,
        ActionDim = 2,
        NStep = nstep,
        Discount = discount,
        Seed = 42,
    };

    private static byte[] Frame(long step) => Enumerable.Repeat((byte)(step + 10), 12).ToArray();

    /// <summary>Episode A: reset (step 0), then rewards 1, 2, 3, 4 with the last step terminal (discount 0).</summary>
    private static void AddEpisodeA(ReplayBuffer<byte> replay)
    {
        replay.StartEpisode(Frame(0));
        replay.Add([1, -1], 1, 1, Frame(1));
        replay.Add([2, -2], 2, 1, Frame(2));
        replay.Add([3, -3], 3, 1, Frame(3));
        replay.Add([4, -4], 4, 0, Frame(4));
    }

    [Fact]
    public void N_step_returns_and_discounts_match_hand_computed_values_within_an_episode()
    {
        using var replay = ReplayBuffer<byte>.Create(Small());
        AddEpisodeA(replay);

        var seen = SampleMany(replay, 400);

        // gamma 0.5, n 3. Start 0: 1 + 0.5*2 + 0.25*3 = 2.75, discount 0.125. Start 1: 2 + 0.5*3 + 0.25*4 = 4.5,
        // discount 0.5*0.5*(0*0.5) = 0 (terminal). Start 2 would need a fourth reward: never drawn.
        Assert.Equal([0L, 1L], seen.Keys.Order());
        Assert.Equal(new Item([0, 0, 0], [1, -1], 2.75f, 0.125f, [1, 2, 3]), seen[0]);
        Assert.Equal(new Item([0, 0, 1], [2, -2], 4.5f, 0f, [2, 3, 4]), seen[1]);
    }

    [Fact]
    public void Transitions_never_cross_into_the_next_episode_and_stacks_restart_at_its_first_frame()
    {
        using var replay = ReplayBuffer<byte>.Create(Small());
        AddEpisodeA(replay);
        replay.StartEpisode(Frame(5));
        replay.Add([6, 0], 10, 1, Frame(6));
        replay.Add([7, 0], 20, 1, Frame(7));
        replay.Add([8, 0], 30, 1, Frame(8));
        replay.Add([9, 0], 40, 1, Frame(9));

        var seen = SampleMany(replay, 1000);

        // Episode B (steps 5..9) is still open: its complete 3-step transitions start at 5 and 6 already.
        Assert.Equal([0L, 1L, 5L, 6L], seen.Keys.Order());
        Assert.Equal(new Item([5, 5, 5], [6, 0], 10 + 10 + 7.5f, 0.125f, [6, 7, 8]), seen[5]);
        Assert.Equal(new Item([5, 5, 6], [7, 0], 20 + 15 + 10f, 0.125f, [7, 8, 9]), seen[6]);
    }

    [Fact]
    public void One_step_sampling_uses_every_transition_including_the_last_of_an_episode()
    {
        using var replay = ReplayBuffer<byte>.Create(Small(nstep: 1, stack: 2));
        AddEpisodeA(replay);

        var seen = SampleMany(replay, 400);

        Assert.Equal([0L, 1L, 2L, 3L], seen.Keys.Order());
        Assert.Equal(new Item([0, 0], [1, -1], 1f, 0.5f, [0, 1]), seen[0]);
        Assert.Equal(new Item([2, 3], [4, -4], 4f, 0f, [3, 4]), seen[3]);
    }

    [Fact]
    public void After_wraparound_only_steps_still_held_with_whole_stacks_are_drawn()
    {
        using var replay = ReplayBuffer<byte>.Create(Small(capacity: 8, nstep: 1, stack: 3));
        replay.StartEpisode(Frame(0));
        for (var step = 1; step <= 20; step++)
        {
            replay.Add([step, 0], step, 1, Frame(step));
        }

        var seen = SampleMany(replay, 600);

        // 21 steps written, 8 held (13..20). A start t needs frames t-2..t and step t+1: t in 15..19.
        Assert.Equal(8, replay.Count);
        Assert.Equal([15L, 16L, 17L, 18L, 19L], seen.Keys.Order());
        Assert.Equal(new Item([13, 14, 15], [16, 0], 16f, 0.5f, [14, 15, 16]), seen[15]);
    }

    [Fact]
    public void Sampling_is_uniform_over_complete_transitions()
    {
        using var replay = ReplayBuffer<byte>.Create(Small(capacity: 64, nstep: 1, stack: 1));
        replay.StartEpisode(Frame(0));
        for (var step = 1; step <= 10; step++)
        {
            replay.Add([0, 0], 0, 1, Frame(step));
        }

        var counts = new int[10];
        foreach (var item in Draw(replay, 20_000))
        {
            counts[item.Obs[0]]++;
        }

        // 2000 expected per start; 5 sigma of a binomial(20000, 0.1) is 212.
        Assert.All(counts, c => Assert.InRange(c, 1788, 2212));
    }

    [Fact]
    public void State_vectors_are_sampled_as_float_observations()
    {
        var options = new ReplayOptions { Capacity = 16, FrameShape = [4], FrameStack = 1, ActionDim = 1, NStep = 2, Discount = 0.9, Seed = 3 };
        using var replay = ReplayBuffer<float>.Create(options);
        replay.StartEpisode([0f, 0.5f, 1f, 1.5f]);
        replay.Add([0.25f], 1f, 1f, [1f, 1.5f, 2f, 2.5f]);
        replay.Add([-0.25f], 2f, 1f, [2f, 2.5f, 3f, 3.5f]);
        var batch = new ReplayBatch<float>(options, 4);

        replay.Sample(batch);

        for (var b = 0; b < 4; b++)
        {
            Assert.Equal([0f, 0.5f, 1f, 1.5f], batch.Observation.AsSpan(b * 4, 4).ToArray());
            Assert.Equal([2f, 2.5f, 3f, 3.5f], batch.NextObservation.AsSpan(b * 4, 4).ToArray());
            Assert.Equal(0.25f, batch.Action[b]);
            Assert.Equal(1f + (0.9f * 2f), batch.Reward[b]);
            Assert.Equal(0.9f * 0.9f, batch.Discount[b]);
        }
    }

    [Fact]
    public void Same_seed_and_contents_give_the_same_batches()
    {
        using var first = ReplayBuffer<byte>.Create(Small());
        using var second = ReplayBuffer<byte>.Create(Small());
        AddEpisodeA(first);
        AddEpisodeA(second);

        Assert.Equal(Draw(first, 50), Draw(second, 50));
    }

    [Fact]
    public void Parallel_copies_give_the_same_batches_as_one_thread()
    {
        using var serial = ReplayBuffer<byte>.Create(Small());
        using var parallel = ReplayBuffer<byte>.Create(Small() with { SampleThreads = 4 });
        AddEpisodeA(serial);
        AddEpisodeA(parallel);

        Assert.Equal(Draw(serial, 300), Draw(parallel, 300));
    }

    [Fact]
    public void A_sampled_batch_saves_as_the_safetensors_batch_the_agent_update_reads()
    {
        using var replay = ReplayBuffer<byte>.Create(Small());
        AddEpisodeA(replay);
        var batch = new ReplayBatch<byte>(replay.Options, 5);
        replay.Sample(batch);

        var file = Sim2Real.Learning.Checkpoints.SafetensorsFile.Parse(
            Sim2Real.Learning.Checkpoints.SafetensorsWriter.Serialize(batch.ToSafeTensors()), "batch.safetensors");

        Assert.Equal([5L, 9, 2, 2], file["obs"].Shape);
        Assert.Equal([5L, 9, 2, 2], file["next_obs"].Shape);
        Assert.Equal([5L, 2], file["action"].Shape);
        Assert.Equal([5L, 1], file["reward"].Shape);
        Assert.Equal([5L, 1], file["discount"].Shape);
        Assert.Equal(batch.Observation, file["obs"].AsSpan<byte>().ToArray());
        Assert.Equal(batch.Reward, file["reward"].AsSpan<float>().ToArray());
    }

    /// <summary>A decoded transition: step numbers of the obs stack, action, reward, discount, next-obs stack.</summary>
    internal sealed record Item(long[] Obs, float[] Action, float Reward, float Discount, long[] Next)
    {
        public bool Equals(Item? other) => other is not null && Obs.SequenceEqual(other.Obs) && Action.SequenceEqual(other.Action)
            && Reward == other.Reward && Discount == other.Discount && Next.SequenceEqual(other.Next);

        public override int GetHashCode() => HashCode.Combine(Obs.Length > 0 ? Obs[^1] : -1, Reward, Discount);

        public override string ToString() => $"obs [{string.Join(",", Obs)}] a [{string.Join(",", Action)}] r {Reward} d {Discount} next [{string.Join(",", Next)}]";
    }

    internal static List<Item> Draw(ReplayBuffer<byte> replay, int count)
    {
        var options = replay.Options;
        var batch = new ReplayBatch<byte>(options, count);
        replay.Sample(batch);
        var frame = (int)options.FrameLength;
        var items = new List<Item>();
        for (var b = 0; b < count; b++)
        {
            var obs = new long[options.FrameStack];
            var next = new long[options.FrameStack];
            for (var i = 0; i < options.FrameStack; i++)
            {
                obs[i] = Decode(batch.Observation.AsSpan((int)((b * options.ObservationLength) + (i * frame)), frame));
                next[i] = Decode(batch.NextObservation.AsSpan((int)((b * options.ObservationLength) + (i * frame)), frame));
            }

            items.Add(new Item(obs, batch.Action.AsSpan(b * options.ActionDim, options.ActionDim).ToArray(), batch.Reward[b], batch.Discount[b], next));
        }

        return items;
    }

    /// <summary>Samples and groups by start step (the newest obs frame), checking each start always decodes the same.</summary>
    private static Dictionary<long, Item> SampleMany(ReplayBuffer<byte> replay, int count)
    {
        var seen = new Dictionary<long, Item>();
        foreach (var item in Draw(replay, count))
        {
            var start = item.Obs[^1];
            if (seen.TryGetValue(start, out var earlier))
            {
                Assert.Equal(earlier, item);
            }
            else
            {
                seen[start] = item;
            }
        }

        return seen;
    }

    private static long Decode(ReadOnlySpan<byte> frame)
    {
        Assert.Equal(-1, frame.IndexOfAnyExcept(frame[0]));
        return frame[0] - 10;
    }
}
