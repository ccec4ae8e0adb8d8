using System.Globalization;

namespace Sim2Real.SimRobot.Benchmarks;

/// <param name="RequestedHz">The rate asked for.</param>
/// <param name="PublishedHz">Messages per second of their stamps (the robot's wall clock when it read the joints).</param>
/// <param name="ReceivedHz">Messages per second of the client's receive clock.</param>
/// <param name="StampJitterMs">|period between stamps − nominal period|: how evenly the robot publishes.</param>
/// <param name="ReceiveJitterMs">|period between arrivals − nominal period|: what a client sees, DDS included.</param>
public sealed record JointStateRateResult(double RequestedHz, double PublishedHz, double ReceivedHz, Percentiles StampJitterMs, Percentiles ReceiveJitterMs, long Lost)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"joint_states {RequestedHz:0} Hz (wall clock): published {PublishedHz:F1} Hz, received {ReceivedHz:F1} Hz, {Lost} lost; period jitter p50/p99 {StampJitterMs.P50:F3}/{StampJitterMs.P99:F3} ms at the robot, {ReceiveJitterMs.P50:F3}/{ReceiveJitterMs.P99:F3} ms at the client ({StampJitterMs.Count} periods)");
}
