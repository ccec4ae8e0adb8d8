using Sim2Real.Core;
using Sim2Real.Training;

namespace Sim2Real.Cli.Commands;

/// <summary>
/// Training's option checks, worded for the command line: <see cref="TrainOptions.Validate"/> names its fields
/// (seed_frames, device); a user typed flags (--seed-frames, --device), so the error names the flag.
/// </summary>
internal static class TrainFlags
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["frames"] = "--frames",
        ["seed"] = "--seed",
        ["device"] = "--device",
        ["threads"] = "--threads",
        ["seed_frames"] = "--seed-frames",
        ["eval"] = "--eval-every/--eval-episodes",
        ["eval_episodes"] = "--eval-episodes",
        ["world"] = "--world",
        ["rma"] = "--rma",
        ["run_directory"] = "--run-dir",
        ["resume/overwrite"] = "--resume/--overwrite",
        ["lr"] = "--lr",
        ["batch_size"] = "--batch-size",
        ["nstep"] = "--nstep",
        ["discount"] = "--discount",
        ["hidden_dim"] = "--hidden-dim",
        ["update_every_steps"] = "--update-every",
        ["stddev_schedule"] = "--stddev-schedule",
        ["rma.history_length"] = "--history-length",
    };

    /// <summary>The flag that sets <paramref name="field"/>, or the field itself when no flag does.</summary>
    public static string For(string field) => Flags.GetValueOrDefault(field, field);

    /// <summary>Runs <paramref name="start"/>; an option error of training's own comes back naming the flag.</summary>
    /// <exception cref="InvalidConfigException">Origin "command line", field the flag.</exception>
    public static T Checked<T>(Func<T> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            return start();
        }
        catch (InvalidConfigException e) when (e.Origin == "train options")
        {
            throw new InvalidConfigException("command line", For(e.Field), e.Problem, e);
        }
    }
}
