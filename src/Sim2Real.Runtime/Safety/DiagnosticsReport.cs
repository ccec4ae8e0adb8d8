using System.Globalization;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Runtime.Pipeline;

namespace Sim2Real.Runtime.Safety;

/// <summary>
/// The rules' state as diagnostic_msgs/DiagnosticArray: one status per rule the deployment runs, named
/// <c>sim2real/&lt;node&gt;/&lt;rule&gt;</c> (the names sim serve's fault announcements share), ERROR while
/// tripped with its reason and timing, OK otherwise; and <c>joint_limit</c> WARN while targets are being clamped.
/// </summary>
internal sealed class DiagnosticsReport(string node, string hardwareId, IReadOnlyList<string> rules)
{
    public string StatusName(string rule) => $"sim2real/{node}/{rule}";

    public DiagnosticArray Build(DateTimeOffset now, TripLatch latch, string? clampMessage)
    {
        var inv = CultureInfo.InvariantCulture;
        var statuses = new List<DiagnosticStatus>(rules.Count + 1);
        foreach (var rule in rules)
        {
            var trip = latch.Active.FirstOrDefault(t => t.Rule == rule);
            statuses.Add(trip is null
                ? new DiagnosticStatus { Level = DiagnosticStatus.OK, Name = StatusName(rule), Message = "ok", HardwareId = hardwareId }
                : new DiagnosticStatus
                {
                    Level = DiagnosticStatus.ERROR,
                    Name = StatusName(rule),
                    Message = "tripped: " + trip.Reason,
                    HardwareId = hardwareId,
                    Values =
                    [
                        new KeyValue { Key = "detected_s", Value = RosTimes.Seconds(trip.DetectedAt).ToString("0.000000", inv) },
                        new KeyValue { Key = "commanded_s", Value = trip.CommandedAt is { } c ? RosTimes.Seconds(c).ToString("0.000000", inv) : "" },
                        new KeyValue { Key = "latched", Value = "true: publish std_msgs/Empty on /e_stop_reset to release" },
                    ],
                });
        }

        statuses.Add(new DiagnosticStatus
        {
            Level = clampMessage is null ? DiagnosticStatus.OK : DiagnosticStatus.WARN,
            Name = StatusName(RuleNames.JointLimit),
            Message = clampMessage ?? "ok",
            HardwareId = hardwareId,
        });
        return new DiagnosticArray { Header = new Header { Stamp = RosTimes.ToRos(now) }, Status = [.. statuses] };
    }
}
