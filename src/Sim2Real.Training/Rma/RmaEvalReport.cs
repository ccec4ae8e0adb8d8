namespace Sim2Real.Training.Rma;

/// <summary>What <see cref="RmaEvaluation"/> measured: the table, ẑ's settling times after a payload jump, the tracking trace.</summary>
public sealed record RmaEvalReport(IReadOnlyList<RmaEvalRow> Rows, IReadOnlyList<double> SettleTimesS, IReadOnlyList<RmaTrackingPoint> Tracking, double JumpTimeS, double CpuSeconds)
{
    /// <summary>Median settling time over the jump episodes; NaN when ẑ settled in none.</summary>
    public double MedianSettleS
    {
        get
        {
            if (SettleTimesS.Count == 0)
            {
                return double.NaN;
            }

            // Unsettled episodes count as never: the median is only finite when most episodes settled.
            var all = SettleTimesS.Select(t => double.IsFinite(t) ? t : double.PositiveInfinity).Order().ToList();
            var median = all[all.Count / 2];
            return double.IsFinite(median) ? median : double.NaN;
        }
    }
}
