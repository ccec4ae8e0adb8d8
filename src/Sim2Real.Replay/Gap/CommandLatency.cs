namespace Sim2Real.Replay.Gap;

/// <summary>
/// Command-to-motion latency from a log alone: the lag at which the measured joint motion best follows the commanded
/// motion, by normalized cross-correlation of their sample-to-sample changes (the changes, not the positions, so a
/// constant offset or a slow drift does not smear the peak). The peak is refined by a parabola through its
/// neighbours, so the estimate is finer than one sample period.
/// </summary>
public static class CommandLatency
{
    /// <summary>A joint whose commands change by less than this (rad, summed squared changes) carries no timing.</summary>
    public const double MinimumCommandEnergy = 1e-8;

    /// <summary>Per joint, the lag (s) of <paramref name="measured"/> behind <paramref name="commanded"/>; NaN for a joint that was never commanded to move.</summary>
    /// <param name="times">Sample times (s), close to uniform (a joint_states stream).</param>
    /// <param name="maxLagS">The longest lag searched.</param>
    public static double[] Estimate(double[] times, double[][] commanded, double[][] measured, double maxLagS)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(commanded);
        ArgumentNullException.ThrowIfNull(measured);
        var joints = commanded.Length == 0 ? 0 : commanded[0].Length;
        var lags = new double[joints];
        if (times.Length < 4)
        {
            Array.Fill(lags, double.NaN);
            return lags;
        }

        var period = Median([.. times.Zip(times.Skip(1), (a, b) => b - a)]);
        var maxLag = Math.Max(1, Math.Min(times.Length / 2, (int)Math.Ceiling(maxLagS / period)));
        for (var j = 0; j < joints; j++)
        {
            var c = Changes(commanded, j);
            var m = Changes(measured, j);
            var cc = c.Sum(x => x * x);
            var mm = m.Sum(x => x * x);
            if (cc < MinimumCommandEnergy || mm <= 0)
            {
                lags[j] = double.NaN;
                continue;
            }

            var r = new double[maxLag + 1];
            for (var k = 0; k <= maxLag; k++)
            {
                var sum = 0.0;
                for (var i = 0; i + k < c.Length; i++)
                {
                    sum += c[i] * m[i + k];
                }

                r[k] = sum / Math.Sqrt(cc * mm);
            }

            var best = Array.IndexOf(r, r.Max());
            var offset = 0.0;
            if (best > 0 && best < maxLag)
            {
                var (a, b, d) = (r[best - 1], r[best], r[best + 1]);
                var curvature = a - (2 * b) + d;
                offset = curvature < 0 ? 0.5 * (a - d) / curvature : 0;
            }

            lags[j] = (best + offset) * period;
        }

        return lags;
    }

    /// <summary>The median of the finite values; NaN when there are none.</summary>
    public static double Median(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var finite = values.Where(double.IsFinite).Order().ToArray();
        return finite.Length == 0 ? double.NaN
            : finite.Length % 2 == 1 ? finite[finite.Length / 2]
            : 0.5 * (finite[(finite.Length / 2) - 1] + finite[finite.Length / 2]);
    }

    private static double[] Changes(double[][] series, int joint)
    {
        var changes = new double[series.Length - 1];
        for (var i = 1; i < series.Length; i++)
        {
            changes[i - 1] = series[i][joint] - series[i - 1][joint];
        }

        return changes;
    }
}
