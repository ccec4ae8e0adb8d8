using Sim2Real.Replay.Simulation;

namespace Sim2Real.Replay.Gap;

/// <summary>Turns a simulation replay into the gap report's figures.</summary>
public static class GapAnalysis
{
    /// <summary>The longest command-to-motion lag searched (s).</summary>
    public const double MaxLatencyS = 0.5;

    /// <param name="windows">Time windows the divergence-over-time curve is cut into.</param>
    public static GapFigures Analyze(SimReplayResult replay, int windows = 20)
    {
        ArgumentNullException.ThrowIfNull(replay);
        ArgumentOutOfRangeException.ThrowIfLessThan(windows, 1);
        var n = replay.Samples;
        var joints = replay.Joints.Count;
        var perSample = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < joints; j++)
            {
                var d = replay.LoggedPosition[i][j] - replay.SimulatedPosition[i][j];
                sum += d * d;
            }

            perSample[i] = Math.Sqrt(sum / joints);
        }

        var duration = n == 0 ? 0 : replay.Times[^1];
        var (windowTimes, windowRmse) = Windows(replay.Times, perSample, duration, windows);
        var moved = Enumerable.Range(0, joints)
            .OrderByDescending(j => n == 0 ? 0 : replay.LoggedPosition.Max(q => q[j]) - replay.LoggedPosition.Min(q => q[j])).First();
        return new GapFigures
        {
            Label = replay.Label,
            Log = replay.Log,
            Joints = replay.Joints,
            Samples = n,
            DurationS = duration,
            PositionRmse = replay.PositionRmse(),
            VelocityRmse = replay.VelocityRmse(),
            PositionRmseAll = Rms(replay.LoggedPosition, replay.SimulatedPosition),
            VelocityRmseAll = Rms(replay.LoggedVelocity, replay.SimulatedVelocity),
            MaxPositionError = replay.MaxPositionError(),
            WindowTimes = windowTimes,
            WindowPositionRmse = windowRmse,
            GrowthRadPerS = Slope(replay.Times, perSample),
            LoggedLatencyS = CommandLatency.Estimate(replay.Times, replay.Commanded, replay.LoggedPosition, MaxLatencyS),
            SimulatedLatencyS = CommandLatency.Estimate(replay.Times, replay.Commanded, replay.SimulatedPosition, MaxLatencyS),
            Trace = (replay.Joints[moved], replay.Times,
                [.. replay.LoggedPosition.Select(q => q[moved])], [.. replay.SimulatedPosition.Select(q => q[moved])], [.. replay.Commanded.Select(q => q[moved])]),
        };
    }

    private static double Rms(double[][] a, double[][] b)
    {
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < a[i].Length; j++)
            {
                var d = a[i][j] - b[i][j];
                sum += d * d;
                count++;
            }
        }

        return count == 0 ? 0 : Math.Sqrt(sum / count);
    }

    private static (double[] Times, double[] Rmse) Windows(double[] times, double[] perSample, double duration, int windows)
    {
        if (times.Length == 0 || duration <= 0)
        {
            return ([], []);
        }

        var width = duration / windows;
        var sums = new double[windows];
        var counts = new int[windows];
        for (var i = 0; i < times.Length; i++)
        {
            var w = Math.Clamp((int)(times[i] / width), 0, windows - 1);
            sums[w] += perSample[i] * perSample[i];
            counts[w]++;
        }

        var centres = new List<double>();
        var rmse = new List<double>();
        for (var w = 0; w < windows; w++)
        {
            if (counts[w] > 0)
            {
                centres.Add((w + 0.5) * width);
                rmse.Add(Math.Sqrt(sums[w] / counts[w]));
            }
        }

        return ([.. centres], [.. rmse]);
    }

    private static double Slope(double[] x, double[] y)
    {
        if (x.Length < 2)
        {
            return 0;
        }

        var mx = x.Average();
        var my = y.Average();
        var sxy = 0.0;
        var sxx = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return sxx == 0 ? 0 : sxy / sxx;
    }
}
