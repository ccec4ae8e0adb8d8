using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json;
using Sim2Real.Learning.Replay;

namespace Sim2Real.Learning.Tests.Replay;

/// <summary>
/// Compares sampled transitions with python/replay_ref.py, which stacks frames and accumulates n-step returns
/// exactly as the DrQ-v2 reference does (numpy float32), on random episodes: every stack, action, reward and
/// discount must match bit for bit, and every transition the reference can draw must be drawn.
/// </summary>
public class ReplayReferenceTests
{
    [Fact]
    public void Samples_match_the_reference_stacking_and_n_step_arithmetic_bit_for_bit()
    {
        const int stack = 3, nstep = 3;
        const double gamma = 0.99;
        var random = new Random(17);
        var episodes = Enumerable.Range(0, 6).Select(e =>
        {
            var length = 2 + random.Next(12);
            var rewards = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 4 - 1)).ToArray();
            var discounts = Enumerable.Range(0, length).Select(i => i == length - 1 && e % 2 == 0 ? 0f : 1f).ToArray();
            return (Rewards: rewards, Discounts: discounts);
        }).ToArray();

        var options = new ReplayOptions { Capacity = 512, FrameShape = [8], FrameStack = stack, ActionDim = 1, NStep = nstep, Discount = gamma, Seed = 4 };
        using var replay = ReplayBuffer<byte>.Create(options);
        var frame = new byte[8];
        long step = 0;
        foreach (var (rewards, discounts) in episodes)
        {
            BinaryPrimitives.WriteInt64LittleEndian(frame, step++);
            replay.StartEpisode(frame);
            for (var i = 0; i < rewards.Length; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(frame, step);
                replay.Add([step], rewards[i], discounts[i], frame);
                step++;
            }
        }

        using var dir = new TempDirectory();
        var spec = dir.File("spec.json");
        File.WriteAllText(spec, JsonSerializer.Serialize(new
        {
            stack,
            nstep,
            discount = gamma,
            episodes = episodes.Select(e => new { rewards = e.Rewards, discounts = e.Discounts }),
        }));
        var expected = JsonDocument.Parse(Python(spec)).RootElement.EnumerateArray()
            .ToDictionary(s => s.GetProperty("obs")[stack - 1].GetInt64());

        var batch = new ReplayBatch<byte>(options, 4000);
        replay.Sample(batch);
        var drawn = new HashSet<long>();
        for (var b = 0; b < batch.BatchSize; b++)
        {
            var obs = Ids(batch.Observation.AsSpan(b * 8 * stack, 8 * stack));
            var next = Ids(batch.NextObservation.AsSpan(b * 8 * stack, 8 * stack));
            Assert.True(expected.TryGetValue(obs[^1], out var reference), $"drew start {obs[^1]}, which the reference never draws");
            Assert.Equal(reference.GetProperty("obs").EnumerateArray().Select(x => x.GetInt64()), obs);
            Assert.Equal(reference.GetProperty("next").EnumerateArray().Select(x => x.GetInt64()), next);
            Assert.Equal(reference.GetProperty("action").GetSingle(), batch.Action[b]);
            Assert.Equal(reference.GetProperty("reward_bits").GetUInt32(), BitConverter.SingleToUInt32Bits(batch.Reward[b]));
            Assert.Equal(reference.GetProperty("discount_bits").GetUInt32(), BitConverter.SingleToUInt32Bits(batch.Discount[b]));
            drawn.Add(obs[^1]);
        }

        Assert.Equal(expected.Keys.Order(), drawn.Order());
    }

    private static long[] Ids(ReadOnlySpan<byte> stacked)
    {
        var ids = new long[stacked.Length / 8];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = BinaryPrimitives.ReadInt64LittleEndian(stacked[(i * 8)..]);
        }

        return ids;
    }

    private static string Python(string spec) => PythonScript.Run("replay_ref.py", spec);
}
