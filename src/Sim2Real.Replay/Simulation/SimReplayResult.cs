namespace Sim2Real.Replay.Simulation;

/// <summary>
/// A logged trajectory beside the simulated one: at each logged joint state (after the initial one), its time since
/// the initial state, the logged and simulated joint positions and velocities and the command in force, per joint in
/// the robot spec's order.
/// </summary>
public sealed record SimReplayResult
{
    public required string Log { get; init; }

    public required string Label { get; init; }

    public required string Robot { get; init; }

    public required IReadOnlyList<string> Joints { get; init; }

    /// <summary>The physics timestep the simulator ran at (s).</summary>
    public required double TimestepS { get; init; }

    /// <summary>Log time (ns) of the logged joint state the simulation started from.</summary>
    public required ulong StartLogTime { get; init; }

    public required int CommandsApplied { get; init; }

    /// <summary>Seconds since the initial state, per compared sample.</summary>
    public required double[] Times { get; init; }

    /// <summary>[sample][joint], rad.</summary>
    public required double[][] LoggedPosition { get; init; }

    public required double[][] SimulatedPosition { get; init; }

    /// <summary>[sample][joint], rad/s.</summary>
    public required double[][] LoggedVelocity { get; init; }

    public required double[][] SimulatedVelocity { get; init; }

    /// <summary>[sample][joint]: the joint target in force when the sample was taken (rad).</summary>
    public required double[][] Commanded { get; init; }

    public int Samples => Times.Length;

    /// <summary>Per joint, the root-mean-square of logged minus simulated position (rad) over every sample.</summary>
    public double[] PositionRmse() => Rmse(LoggedPosition, SimulatedPosition);

    /// <summary>Per joint, the root-mean-square velocity difference (rad/s) over every sample.</summary>
    public double[] VelocityRmse() => Rmse(LoggedVelocity, SimulatedVelocity);

    /// <summary>The largest absolute position difference over every joint and sample (rad).</summary>
    public double MaxPositionError() =>
        LoggedPosition.Zip(SimulatedPosition).SelectMany(p => p.First.Zip(p.Second, (a, b) => Math.Abs(a - b))).DefaultIfEmpty(0).Max();

    private double[] Rmse(double[][] a, double[][] b)
    {
        var rmse = new double[Joints.Count];
        for (var j = 0; j < rmse.Length; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < a.Length; i++)
            {
                var d = a[i][j] - b[i][j];
                sum += d * d;
            }

            rmse[j] = a.Length == 0 ? 0 : Math.Sqrt(sum / a.Length);
        }

        return rmse;
    }
}
