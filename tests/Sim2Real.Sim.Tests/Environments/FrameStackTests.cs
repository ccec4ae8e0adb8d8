using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Environments;

public class FrameStackTests
{
    [Fact]
    public void Stack_is_channel_first_oldest_first_and_reset_repeats_the_first_frame()
    {
        var stack = new FrameStack(depth: 3, width: 2, height: 1);
        var output = new byte[3 * 3 * 2];

        stack.Reset(Frame(10));
        stack.CopyTo(output);
        Assert.Equal(Planes(10, 10, 10), output);

        stack.Push(Frame(20));
        stack.Push(Frame(30));
        stack.CopyTo(output);
        Assert.Equal(Planes(10, 20, 30), output);

        stack.Push(Frame(40));
        stack.CopyTo(output);
        Assert.Equal(Planes(20, 30, 40), output);
    }

    [Fact]
    public void Wrong_sized_frame_is_refused()
    {
        var stack = new FrameStack(3, 84, 84);

        var error = Assert.Throws<ArgumentException>(() => stack.Push(new byte[84 * 84]));

        Assert.Contains("84x84", error.Message, StringComparison.Ordinal);
    }

    // Two pixels, HWC: pixel p has channels (v+p, v+10+p, v+20+p) so planes are distinguishable.
    private static byte[] Frame(byte v) => [v, (byte)(v + 10), (byte)(v + 20), (byte)(v + 1), (byte)(v + 11), (byte)(v + 21)];

    private static byte[] Planes(params byte[] values) =>
        values.SelectMany(v => new[] { v, (byte)(v + 1), (byte)(v + 10), (byte)(v + 11), (byte)(v + 20), (byte)(v + 21) }).ToArray();
}
