namespace Sim2Real.Learning.Rma;

/// <summary>
/// The arithmetic of the adaptation module's convolutions over a history of policy steps. For RMA's stack
/// (8/4, 5/1, 5/1) and k = 50: 50 -> 11 -> 7 -> 3 steps, 32 x 3 = 96 features into the head, and at least 40 steps.
/// </summary>
public sealed class TemporalConvStack(IReadOnlyList<TemporalConv> convs)
{
    public IReadOnlyList<TemporalConv> Convs { get; } = convs;

    /// <summary>The shortest history every convolution fits (receptive field of one output step).</summary>
    public int MinimumLength
    {
        get
        {
            var need = 1;
            for (var i = Convs.Count - 1; i >= 0; i--)
            {
                need = ((need - 1) * Convs[i].Stride) + Convs[i].Kernel;
            }

            return need;
        }
    }

    /// <summary>Time steps left after the last convolution for a history of <paramref name="length"/>; 0 when it does not fit.</summary>
    public int OutputLength(int length)
    {
        var l = length;
        foreach (var c in Convs)
        {
            l = l < c.Kernel ? 0 : ((l - c.Kernel) / c.Stride) + 1;
        }

        return l;
    }

    /// <summary>
    /// How many of <paramref name="length"/> steps the convolutions read: a stride that does not tile the history
    /// leaves steps unread (k = 50 with 8/4 reads 48). The adaptation module feeds the newest ones, so what is left
    /// out is the oldest steps, not the newest (a plain conv1d over oldest-to-newest would drop the newest).
    /// </summary>
    public int UsedLength(int length)
    {
        var used = OutputLength(length);
        if (used == 0)
        {
            return 0;
        }

        for (var i = Convs.Count - 1; i >= 0; i--)
        {
            used = ((used - 1) * Convs[i].Stride) + Convs[i].Kernel;
        }

        return used;
    }

    public override string ToString() => string.Join(", ", Convs);
}
