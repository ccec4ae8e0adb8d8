using System.Globalization;
using System.Text;
using System.Text.Json;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Hosting;

/// <summary>The status line and the end-of-run summary, as people and scripts read them.</summary>
public static class SummaryText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Ms(double seconds) => double.IsFinite(seconds) ? (seconds * 1000).ToString("0.00", Inv) + " ms" : "-";

    /// <summary>One line: clock, command rate, tick-to-command latency, input ages, safety state, episode score.</summary>
    public static string Status(double clockS, double rateHz, LoopStatistics s, string episodes) => string.Create(Inv,
        $"t {clockS,7:0.00} s | {rateHz,5:0.0} Hz | tick->cmd p50 {Ms(s.TickToCommand.Quantile(0.5))} p99 {Ms(s.TickToCommand.Quantile(0.99))} | joint_states age {Ms(s.JointStateAge.Quantile(0.5))} | misses {s.DeadlineMisses} | {s.SafetyState}{episodes}");

    public static string Describe(DeploymentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var s = summary.Statistics;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line($"deploy {summary.Deployment}: {summary.DurationS.ToString("0.00", Inv)} s on the deployment's clock");
        if (summary.Refusal is { } refusal)
        {
            Line($"  refused at start-up: {refusal}");
        }

        if (summary.Episodes.Count > 0)
        {
            var episodes = summary.Episodes;
            Line(string.Create(Inv, $"  episodes: {episodes.Count}, success {episodes.Count(e => e.Success)}/{episodes.Count} ({summary.SuccessRate:P0}), fallen {episodes.Count(e => e.Fallen)}"));
            foreach (var name in episodes.SelectMany(e => e.Metrics.Keys).Distinct())
            {
                var values = episodes.Where(e => e.Metrics.ContainsKey(name)).Select(e => e.Metrics[name]).ToList();
                Line(string.Create(Inv, $"    final {name}: mean {values.Average():0.####}, min {values.Min():0.####}, max {values.Max():0.####}"));
            }
        }

        Line(string.Create(Inv, $"  commands: {s.Commands}; policy ticks {s.PolicyTicks}, deadline misses {s.DeadlineMisses} (late results dropped {s.LateResults}), control overruns {s.Overruns}, clamps {s.Clamps}"));
        Line($"  tick to command: p50 {Ms(s.TickToCommand.Quantile(0.5))}, p99 {Ms(s.TickToCommand.Quantile(0.99))}, max {Ms(s.TickToCommand.MaxS)}; inference p50 {Ms(s.Inference.Quantile(0.5))}, p99 {Ms(s.Inference.Quantile(0.99))}");
        Line($"  newest joint_states at each tick: age p50 {Ms(s.JointStateAge.Quantile(0.5))}, p99 {Ms(s.JointStateAge.Quantile(0.99))}; newest frame: age p50 {Ms(s.FrameAge.Quantile(0.5))}, p99 {Ms(s.FrameAge.Quantile(0.99))}");
        Line($"  control period jitter: p50 {Ms(s.Jitter.Quantile(0.5))}, p99 {Ms(s.Jitter.Quantile(0.99))}, max {Ms(s.Jitter.MaxS)}");
        Line(string.Create(Inv, $"  tracking error: p50 {s.TrackingError.Quantile(0.5):0.####} rad, p99 {s.TrackingError.Quantile(0.99):0.####} rad, max {s.TrackingError.MaxS:0.####} rad"));
        if (summary.Trips.Count == 0)
        {
            Line("  trips: none");
        }

        foreach (var trip in summary.Trips)
        {
            var expected = trip.Rule == summary.ExpectTrip ? " (expected)" : "";
            Line(string.Create(Inv, $"  trip {trip.Rule}{expected}: {trip.Reason}; detected {Seconds(trip.DetectedAt)}, safe action {(trip.CommandedAt is { } c ? Seconds(c) : "never")}, reaction {(trip.Reaction is { } r ? Ms(r.TotalSeconds) : "-")}"));
        }

        if (summary.ExpectedTripMissing)
        {
            Line($"  expected {summary.ExpectTrip} to trip; it did not");
        }

        if (summary.Recording is { } log)
        {
            Line(string.Create(Inv, $"  recorded {log.Path}: {log.Written} messages, {log.Bytes / 1048576.0:0.0} MiB, dropped {log.Dropped}, deepest queue {log.MaxQueueDepth}; write on the recorder thread p50 {Ms(log.WriteTime.Quantile(0.5))}, p99 {Ms(log.WriteTime.Quantile(0.99))}"));
        }

        Line(summary.ExitCode == 0 ? "  result: ok" : $"  result: FAILED ({string.Join("; ", Failures(summary))})");
        return text.ToString();
    }

    public static string Json(DeploymentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var s = summary.Statistics;
        object Q(LatencyHistogram h) => new { p50_s = Finite(h.Quantile(0.5)), p99_s = Finite(h.Quantile(0.99)), max_s = h.MaxS, count = h.Count };
        return JsonSerializer.Serialize(new
        {
            deployment = summary.Deployment,
            duration_s = summary.DurationS,
            exit_code = summary.ExitCode,
            refusal = summary.Refusal,
            expect_trip = summary.ExpectTrip,
            commands = s.Commands,
            policy_ticks = s.PolicyTicks,
            deadline_misses = s.DeadlineMisses,
            late_results = s.LateResults,
            overruns = s.Overruns,
            clamps = s.Clamps,
            tick_to_command = Q(s.TickToCommand),
            inference = Q(s.Inference),
            joint_state_age = Q(s.JointStateAge),
            frame_age = Q(s.FrameAge),
            jitter = Q(s.Jitter),
            tracking_error_rad = Q(s.TrackingError),
            success_rate = Finite(summary.SuccessRate),
            recording = summary.Recording is { } r
                ? new { path = r.Path, messages = r.Written, bytes = r.Bytes, dropped = r.Dropped, max_queue_depth = r.MaxQueueDepth, write = Q(r.WriteTime) }
                : null,
            episodes = summary.Episodes.Select(e => new { episode = e.Episode, success = e.Success, fallen = e.Fallen, steps = e.Steps, metrics = e.Metrics, trips = e.Trips }),
            trips = summary.Trips.Select(t => new
            {
                rule = t.Rule,
                reason = t.Reason,
                detected_s = RosTimes.Seconds(t.DetectedAt),
                commanded_s = t.CommandedAt is { } c ? RosTimes.Seconds(c) : (double?)null,
                reaction_s = t.Reaction?.TotalSeconds,
            }),
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string Seconds(DateTimeOffset t) => RosTimes.Seconds(t).ToString("0.000", Inv) + " s";

    private static IEnumerable<string> Failures(DeploymentSummary s)
    {
        if (s.Refusal is not null)
        {
            yield return "refused at start-up";
        }

        foreach (var trip in s.UnexpectedTrips)
        {
            yield return $"unexpected trip {trip.Rule}";
        }

        if (s.ExpectedTripMissing)
        {
            yield return $"{s.ExpectTrip} did not trip";
        }
    }
}
