using System.Diagnostics;
using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Benchmarks;

/// <summary>
/// Times mj_step through the bindings with the workload of MuJoCo's own testspeed sample, so the two compare like
/// for like: start from keyframe "test" if the model has one, and before each step set every control to its range
/// centre plus 1% of its half-range times a Halton-sequence value in [-1, 1]. K threads each step their own mjData
/// of one shared model.
/// </summary>
public static class StepBenchmark
{
    /// <summary>Scale of the pseudo-random control noise, as testspeed's default.</summary>
    public const double ControlNoise = 0.01;

    public static StepBenchmarkResult Run(MjModel model, int steps, int threads)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);

        var datas = Enumerable.Range(0, threads).Select(_ => Prepare(model)).ToArray();
        var (centre, radius) = ControlRanges(model);
        var contacts = new long[threads];
        var cpu = new double[threads];
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(id => new Thread(() =>
        {
            start.SignalAndWait();
            var begin = ThreadCpuClock.Seconds();
            contacts[id] = Simulate(datas[id], steps, centre, radius);
            cpu[id] = ThreadCpuClock.Seconds() - begin;
        })
        {
            IsBackground = true,
            Name = $"sim-bench-{id}",
        }).ToArray();
        try
        {
            foreach (var worker in workers)
            {
                worker.Start();
            }

            start.SignalAndWait();
            var clock = Stopwatch.StartNew();
            foreach (var worker in workers)
            {
                worker.Join();
            }

            var seconds = clock.Elapsed.TotalSeconds;
            return new StepBenchmarkResult(model.Source, threads, steps, seconds, (double)steps * threads / seconds,
                cpu.Sum(), (double)steps * threads / cpu.Sum(), (double)contacts[0] / steps);
        }
        finally
        {
            foreach (var data in datas)
            {
                data.Dispose();
            }
        }
    }

    private static MjData Prepare(MjModel model)
    {
        var data = model.CreateData();
        if (model.TryGetId(MjtObj.mjOBJ_KEY, "test", out var key))
        {
            data.ResetToKeyframe(key);
        }

        return data;
    }

    private static (double[] Centre, double[] Radius) ControlRanges(MjModel model)
    {
        var centre = new double[model.nu];
        var radius = new double[model.nu];
        var range = model.actuator_ctrlrange;
        var limited = model.actuator_ctrllimited;
        for (var j = 0; j < model.nu; j++)
        {
            (centre[j], radius[j]) = limited[j] != 0
                ? ((range[2 * j] + range[(2 * j) + 1]) / 2, (range[(2 * j) + 1] - range[2 * j]) / 2)
                : (0.0, 1.0);
            radius[j] *= ControlNoise;
        }

        return (centre, radius);
    }

    private static long Simulate(MjData data, int steps, double[] centre, double[] radius)
    {
        long contacts = 0;
        for (var i = 0; i < steps; i++)
        {
            var ctrl = data.ctrl;
            for (var j = 0; j < ctrl.Length; j++)
            {
                ctrl[j] = centre[j] + (radius[j] * ((2 * Halton.Value(i, j + 2)) - 1));
            }

            data.Step();
            contacts += data.ncon;
        }

        return contacts;
    }
}
