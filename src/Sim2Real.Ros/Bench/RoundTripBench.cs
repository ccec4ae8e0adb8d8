using System.Diagnostics;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Bench;

/// <summary>
/// Round-trip latency between two nodes, measured as Cyclone's <c>ddsperf ping/pong</c> measures it: a 12-byte
/// builtin_interfaces/msg/Time goes out on <c>PREFIX/ping</c>, the pong echoes it on <c>PREFIX/pong</c>, and the next
/// ping leaves from inside the pong's data callback, so no thread hop is in the loop.
/// </summary>
public static class RoundTripBench
{
    /// <summary>Reliable, volatile, depth 1, as ddsperf's ping and pong.</summary>
    public static QosProfile Qos { get; } = QosProfile.Default.WithDepth(1);

    /// <summary>How long the ping waits for the pong to match.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How often the first ping is repeated until its echo comes back.</summary>
    public static readonly TimeSpan FirstPingRepeat = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the whole measurement may take before it is given up.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The echo side: answers every ping on <paramref name="node"/> until disposed.</summary>
    public static IDisposable Pong(RosNode node, string prefix)
    {
        ArgumentNullException.ThrowIfNull(node);
        var pong = node.CreatePublisher<Time>(prefix + "/pong", Qos);
        var ping = node.CreateSubscription<Time>(prefix + "/ping", Qos);
        var echo = ping.Subscribe(pong.Publish);
        return new Disposables(echo, ping, pong);
    }

    /// <summary>
    /// <paramref name="warmup"/> + <paramref name="count"/> round trips against a pong on <paramref name="prefix"/>;
    /// the first <paramref name="warmup"/> are discarded.
    /// </summary>
    /// <exception cref="TimeoutException">The pong did not match within <see cref="MatchTimeout"/>, or the run took longer than <see cref="RunTimeout"/>.</exception>
    public static async Task<RoundTripResult> PingAsync(RosNode node, string prefix, int warmup, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        using var ping = node.CreatePublisher<Time>(prefix + "/ping", Qos);
        using var pong = node.CreateSubscription<Time>(prefix + "/pong", Qos);
        var total = warmup + count;
        var rtts = new double[total];
        var at = new long[total];
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new Lock();
        var started = false;
        var n = 0;
        long sent = 0;
        // The next ping goes out from inside the pong's callback, on Cyclone's thread: no thread hop in the loop. Each
        // ping carries its index, which the pong echoes: a late echo of a repeated first ping is not a round trip.
        using var loop = pong.Subscribe(echo =>
        {
            var now = Stopwatch.GetTimestamp();
            if (echo.Sec != n)
            {
                return;
            }

            if (n == 0)
            {
                lock (gate)
                {
                    started = true;
                }
            }

            if (n < total)
            {
                at[n] = now;
                rtts[n++] = Stopwatch.GetElapsedTime(sent, now).TotalMicroseconds;
            }

            if (n >= total)
            {
                done.TrySetResult();
                return;
            }

            sent = Stopwatch.GetTimestamp();
            ping.Publish(new Time { Sec = n });
        });
        await ping.WaitForSubscribersAsync(1, cancellationToken).WaitAsync(MatchTimeout, cancellationToken).ConfigureAwait(false);
        while (pong.Status.Matched == 0)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        // The pong's writer may not know this reader yet when the first ping reaches it, and a volatile writer drops
        // what it writes before it knows a reader: the first ping is repeated until its echo comes back.
        var deadline = Stopwatch.GetTimestamp() + (long)(MatchTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (gate)
            {
                if (started)
                {
                    break;
                }

                sent = Stopwatch.GetTimestamp();
                ping.Publish(new Time());
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"{prefix}/pong: no echo of the first ping within {MatchTimeout.TotalSeconds:0} s");
            }

            await Task.WhenAny(done.Task, Task.Delay(FirstPingRepeat, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        await done.Task.WaitAsync(RunTimeout, cancellationToken).ConfigureAwait(false);
        return RoundTripResult.Of(rtts[warmup..], at[warmup..], Stopwatch.Frequency);
    }

    private sealed class Disposables(params IDisposable[] all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var d in all)
            {
                d.Dispose();
            }
        }
    }
}
