using System.Buffers.Binary;
using Sim2Real.Learning.Replay;

namespace Sim2Real.Learning.Tests.Replay;

public class ReplayConcurrencyTests
{
    private const int Total = 300_000;
    private const int NStep = 3;
    private const int Stack = 3;
    private const float Gamma = 0.5f;

    private static readonly ReplayOptions Options = new()
    {
        // Small capacity so the producer laps the buffer constantly and overwrites slots consumers are reading.
        Capacity = 64,
        FrameShape = [3, 4, 4],
        FrameStack = Stack,
        ActionDim = 2,
        NStep = NStep,
        Discount = Gamma,
        Seed = 9,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Concurrent_adds_and_samples_never_yield_a_torn_or_inconsistent_transition(int sampleThreads)
    {
        var episodeStart = EpisodeStarts(out var isStart, out var terminal);
        using var replay = ReplayBuffer<byte>.Create(Options with { SampleThreads = sampleThreads });
        var frame = new byte[Options.FrameLength];
        for (var g = 0; g < 200; g++)
        {
            AddStep(replay, g, isStart, terminal, frame);
        }

        using var go = new Barrier(3);
        var producerDone = 0;
        var producer = Task.Run(() =>
        {
            var local = new byte[Options.FrameLength];
            go.SignalAndWait();
            for (var g = 200; g < Total; g++)
            {
                AddStep(replay, g, isStart, terminal, local);
            }

            Volatile.Write(ref producerDone, 1);
        });
        var consumers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var batch = new ReplayBatch<byte>(replay.Options, 16);
            var checkedItems = 0;
            go.SignalAndWait();
            while (Volatile.Read(ref producerDone) == 0)
            {
                replay.Sample(batch);
                for (var b = 0; b < batch.BatchSize; b++)
                {
                    Verify(batch, b, episodeStart, terminal);
                    checkedItems++;
                }
            }

            return checkedItems;
        })).ToArray();

        await producer;
        var checkedCounts = await Task.WhenAll(consumers);

        Assert.Equal(Total, replay.StepsWritten);
        Assert.All(checkedCounts, n => Assert.True(n > 0, "each consumer sampled while the producer ran"));
    }

    /// <summary>Episodes of 3..11 transitions; every fourth ends terminal.</summary>
    private static long[] EpisodeStarts(out bool[] isStart, out bool[] terminal)
    {
        var starts = new long[Total];
        isStart = new bool[Total];
        terminal = new bool[Total];
        long g = 0;
        for (var e = 0; g < Total; e++)
        {
            var length = 3 + (e % 9);
            isStart[g] = true;
            for (var i = 0; i <= length && g < Total; i++, g++)
            {
                starts[g] = g - i;
                terminal[g] = i == length && e % 4 == 0;
            }
        }

        return starts;
    }

    private static void AddStep(ReplayBuffer<byte> replay, long g, bool[] isStart, bool[] terminal, byte[] frame)
    {
        Encode(g, frame);
        if (isStart[g])
        {
            replay.StartEpisode(frame);
        }
        else
        {
            replay.Add([g, -g], g, terminal[g] ? 0 : 1, frame);
        }
    }

    private static void Encode(long g, Span<byte> frame)
    {
        BinaryPrimitives.WriteInt64LittleEndian(frame, g);
        frame[8..].Fill((byte)(g * 7));
    }

    private static long Decode(ReadOnlySpan<byte> frame)
    {
        var g = BinaryPrimitives.ReadInt64LittleEndian(frame);
        Assert.True(frame[8..].IndexOfAnyExcept((byte)(g * 7)) < 0, $"torn frame for step {g}");
        return g;
    }

    private static void Verify(ReplayBatch<byte> batch, int b, long[] episodeStart, bool[] terminal)
    {
        var frameLength = (int)Options.FrameLength;
        var obs = batch.Observation.AsSpan(b * (int)Options.ObservationLength, (int)Options.ObservationLength);
        var next = batch.NextObservation.AsSpan(b * (int)Options.ObservationLength, (int)Options.ObservationLength);
        var t = Decode(obs[((Stack - 1) * frameLength)..]);
        var episode = episodeStart[t];
        for (var i = 0; i < Stack; i++)
        {
            Assert.Equal(Math.Max(t - (Stack - 1) + i, episode), Decode(obs.Slice(i * frameLength, frameLength)));
            Assert.Equal(Math.Max(t + NStep - (Stack - 1) + i, episode), Decode(next.Slice(i * frameLength, frameLength)));
        }

        Assert.Equal(episode, episodeStart[t + NStep]);
        Assert.Equal([t + 1f, -(t + 1f)], batch.Action.AsSpan(b * 2, 2).ToArray());
        float reward = 0, discount = 1;
        for (var i = 1; i <= NStep; i++)
        {
            reward += discount * (t + i);
            discount *= (terminal[t + i] ? 0f : 1f) * Gamma;
        }

        Assert.Equal(reward, batch.Reward[b]);
        Assert.Equal(discount, batch.Discount[b]);
    }
}
