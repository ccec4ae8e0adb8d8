namespace Sim2Real.Learning.Rma;

/// <summary>
/// When φ runs: at the first policy tick of an episode, then whenever the ticks' simulated time crosses a multiple of
/// φ's period. With a 0.04 s policy period and 10 Hz that is ticks 0, 3, 5, 8, 10, ...: 10 runs per simulated second
/// on average, ẑ held in between, which is the delay deployment has. Counted in ticks, so it is exact in virtual time.
/// </summary>
public sealed class AdaptationSchedule
{
    public AdaptationSchedule(double policyPeriodS, double rateHz)
    {
        if (!(policyPeriodS > 0) || !(rateHz > 0) || double.IsInfinity(policyPeriodS) || double.IsInfinity(rateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(rateHz), $"policy period {policyPeriodS} s and φ rate {rateHz} Hz must be finite and positive");
        }

        PolicyPeriodS = policyPeriodS;
        RateHz = rateHz;
    }

    public double PolicyPeriodS { get; }

    public double RateHz { get; }

    /// <summary>Whether φ runs at policy tick <paramref name="tick"/> of an episode (0 is the first).</summary>
    public bool Due(long tick)
    {
        if (tick <= 0)
        {
            return tick == 0;
        }

        return Periods(tick) > Periods(tick - 1);
    }

    // The small epsilon keeps exact multiples (0.4 x 5 = 2.0) from falling just short in floating point.
    private long Periods(long tick) => (long)Math.Floor((tick * PolicyPeriodS * RateHz) + 1e-9);
}
