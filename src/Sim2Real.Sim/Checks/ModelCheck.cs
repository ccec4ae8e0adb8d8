using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Checks;

/// <summary>
/// The menagerie-style model test: load, drive every actuator with uniform random controls inside its ctrlrange
/// ([-1, 1] when unlimited) for a span of simulated time, and collect every warning MuJoCo raised.
/// Starts from the "home" keyframe when the model has one.
/// </summary>
public static class ModelCheck
{
    /// <summary>The most physics steps one check runs (the model test is about a second of simulated time).</summary>
    public const long MaxSteps = 10_000_000;

    /// <param name="holdSteps">Physics steps each random control is held for: 1 draws new controls every step;
    /// a robot's physics steps per control period drives it as its policy would.</param>
    /// <exception cref="Core.InvalidConfigException">The model's timestep is not a positive number, or the span
    /// needs more than <see cref="MaxSteps"/> steps.</exception>
    public static ModelCheckResult Run(MjModel model, double seconds = 1.0, int seed = 0, int holdSteps = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(holdSteps);
        var timestep = model.opt.timestep;
        if (!(timestep > 0) || !double.IsFinite(timestep))
        {
            throw new Core.InvalidConfigException(model.Source, "option timestep", $"must be a positive number of seconds, got {timestep}");
        }

        // Counted in steps, not by data.time: MuJoCo resets the data (and its clock) after a bad-state warning.
        var total = Math.Ceiling((seconds / timestep) - 1e-9);
        if (total > MaxSteps)
        {
            throw new Core.InvalidConfigException(model.Source, "option timestep",
                $"{seconds} s at a timestep of {timestep} s is {total:0} steps; a check runs at most {MaxSteps}");
        }

        var steps = (int)total;
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
        MjWarningLog.Raised += Collect;
        try
        {
            for (var step = 0; step < steps; step++)
            {
                var ctrl = data.ctrl;
                for (var j = 0; j < ctrl.Length && step % holdSteps == 0; j++)
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

        return new ModelCheckResult(model.Source, steps, steps * timestep, keyframe, model.LoadWarning, data.Warnings(), seen);
    }
}
