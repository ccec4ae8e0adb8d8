using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Checks;

/// <summary>
/// The menagerie-style model test: load, drive every actuator with uniform random controls inside its ctrlrange
/// ([-1, 1] when unlimited) for a span of simulated time, and collect every warning MuJoCo raised.
/// Starts from the "home" keyframe when the model has one.
/// </summary>
public static class ModelCheck
{
    public static ModelCheckResult Run(MjModel model, double seconds = 1.0, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        var messages = new List<string>();
        var thread = Environment.CurrentManagedThreadId;

        // The warning handler is process-wide and runs on the thread that raised the warning: keep only ours.
        void Collect(string message)
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                lock (messages)
                {
                    messages.Add(message);
                }
            }
        }

        using var data = model.CreateData();
        string? keyframe = null;
        if (model.TryGetId(MjtObj.mjOBJ_KEY, "home", out var home))
        {
            data.ResetToKeyframe(home);
            keyframe = "home";
        }

        var random = new Random(seed);
        var range = model.actuator_ctrlrange;
        var limited = model.actuator_ctrllimited;
        // Counted in steps, not by data.time: MuJoCo resets the data (and its clock) after a bad-state warning.
        var steps = (int)Math.Ceiling((seconds / model.opt.timestep) - 1e-9);
        MjWarningLog.Raised += Collect;
        try
        {
            for (var step = 0; step < steps; step++)
            {
                var ctrl = data.ctrl;
                for (var j = 0; j < ctrl.Length; j++)
                {
                    var (low, high) = limited[j] != 0 ? (range[2 * j], range[(2 * j) + 1]) : (-1.0, 1.0);
                    ctrl[j] = low + (random.NextDouble() * (high - low));
                }

                data.Step();
            }
        }
        finally
        {
            MjWarningLog.Raised -= Collect;
        }

        List<string> seen;
        lock (messages)
        {
            seen = [.. messages];
        }

        return new ModelCheckResult(model.Source, steps, steps * model.opt.timestep, keyframe, model.LoadWarning, data.Warnings(), seen);
    }
}
