using Sim2Real.Core;
using Sim2Real.Learning.Replay;

namespace Sim2Real.Learning.Tests.Replay;

public class ReplayInputTests
{
    private static readonly ReplayOptions Options = new() { Capacity = 16, FrameShape = [3, 2, 2], FrameStack = 2, ActionDim = 2, NStep = 2 };

    [Fact]
    public void Adding_before_an_episode_starts_is_refused()
    {
        using var replay = ReplayBuffer<byte>.Create(Options);
        var error = Assert.Throws<InvalidOperationException>(() => replay.Add([0, 0], 1, 1, new byte[12]));
        Assert.Contains("StartEpisode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_sized_frame_or_action_is_refused_with_the_expected_size()
    {
        using var replay = ReplayBuffer<byte>.Create(Options);
        var frame = Assert.Throws<ArgumentException>(() => replay.StartEpisode(new byte[84 * 84 * 3]));
        Assert.Contains("frame has 21168 values, expected 12 for shape [3, 2, 2]", frame.Message, StringComparison.Ordinal);

        replay.StartEpisode(new byte[12]);
        var action = Assert.Throws<ArgumentException>(() => replay.Add([0], 1, 1, new byte[12]));
        Assert.Contains("action has 1 values, expected action_dim 2", action.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampling_before_any_complete_transition_says_why()
    {
        using var replay = ReplayBuffer<byte>.Create(Options);
        replay.StartEpisode(new byte[12]);
        replay.Add([0, 0], 1, 1, new byte[12]);

        var error = Assert.Throws<InvalidOperationException>(() => replay.Sample(new ReplayBatch<byte>(Options, 4)));
        Assert.Contains("no complete 2-step transition yet (2 steps written)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_buffers_of_the_wrong_size_are_refused()
    {
        using var replay = ReplayBuffer<byte>.Create(Options);
        var error = Assert.Throws<ArgumentException>(() => replay.Sample(new byte[10], new float[8], new float[4], new float[4], new byte[4 * 24]));
        Assert.Contains("observation buffer holds 10 values, the batch needs 96", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 3, 1, "capacity")]
    [InlineData(16, 0, 1, "frame_stack")]
    [InlineData(16, 3, 0, "nstep")]
    [InlineData(16, 3, 16, "nstep")]
    public void Invalid_options_name_the_field(int capacity, int stack, int nstep, string field)
    {
        var error = Assert.Throws<InvalidConfigException>(() => (Options with { Capacity = capacity, FrameStack = stack, NStep = nstep }).Validate("train.yaml"));
        Assert.Equal(field, error.Field);
        Assert.Equal("train.yaml", error.Origin);
    }

    [Fact]
    public void Discount_outside_zero_to_one_is_refused()
    {
        var error = Assert.Throws<InvalidConfigException>(() => (Options with { Discount = 1.5 }).Validate());
        Assert.Equal("discount", error.Field);
    }
}
