namespace Sim2Real.Vision.Tests.Capture;

/// <summary>
/// Runs posted continuations at once on the posting thread. With it, a capture loop started inline keeps running on
/// the test thread inside HistoricalScheduler.AdvanceBy, so backoff and timeouts are exact and deterministic.
/// </summary>
internal sealed class InlineSynchronizationContext : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;
}
