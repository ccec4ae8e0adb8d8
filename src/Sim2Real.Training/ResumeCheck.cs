using System.Globalization;
using Sim2Real.Core;

namespace Sim2Real.Training;

/// <summary>
/// A checkpoint's counters against the run's own files, before a resume trusts them. Training writes the
/// checkpoint right after an evaluation, at the end of an episode: so eval.csv has a row at the checkpoint's frame,
/// train.csv's row for that episode has the checkpoint's step, and the next evaluation lies ahead. A counter that
/// disagrees would silently drop rows of history (the metrics are cut at the checkpoint's frame) or replay the
/// wrong episodes.
/// </summary>
internal static class ResumeCheck
{
    /// <exception cref="InvalidConfigException">A counter disagrees with the files; names the checkpoint, the counter and the file.</exception>
    /// <exception cref="InvalidDataException">A metrics file has a malformed row; names the file and line.</exception>
    public static void Require(string checkpoint, TrainingCounters counters, int actionRepeat, string trainCsv, string evalCsv)
    {
        var frame = counters.Step * actionRepeat;
        if (counters.NextEvalFrame <= frame)
        {
            throw new InvalidConfigException(checkpoint, "counters.next_eval_frame", string.Create(CultureInfo.InvariantCulture,
                $"is {counters.NextEvalFrame}, not after the checkpoint's frame {frame} (counters.step {counters.Step} x action repeat {actionRepeat}): the checkpoint is corrupt"));
        }

        if (!Rows(evalCsv).Any(r => r.Frame == frame))
        {
            throw new InvalidConfigException(checkpoint, "counters.step", string.Create(CultureInfo.InvariantCulture,
                $"{counters.Step} puts the checkpoint at frame {frame}, but {evalCsv} has no evaluation there: the checkpoint and the run's files disagree"));
        }

        var last = Rows(trainCsv).LastOrDefault(r => r.Frame <= frame);
        if (last.Frame != frame || last.Step != counters.Step || last.Episode != counters.Episode - 1)
        {
            throw new InvalidConfigException(checkpoint, "counters.step/counters.episode", string.Create(CultureInfo.InvariantCulture,
                $"step {counters.Step} after episode {counters.Episode - 1} (frame {frame}), but {trainCsv} ends that stretch with step {last.Step} after episode {last.Episode} (frame {last.Frame}): the checkpoint and the run's files disagree"));
        }
    }

    /// <summary>The first three columns (frame, step, episode; eval.csv has no episode) of each row.</summary>
    private static IEnumerable<(long Frame, long Step, long Episode)> Rows(string csv)
    {
        if (!File.Exists(csv))
        {
            throw new InvalidConfigException(csv, "file", "is missing: a resumed run continues the metrics the checkpoint was written with");
        }

        var line = 1;
        foreach (var row in File.ReadLines(csv).Skip(1))
        {
            line++;
            var f = row.Split(',');
            if (f.Length < 3 || !long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var frame)
                || !long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            {
                throw new InvalidDataException($"{csv}:{line}: not a metrics row (frame,step,...): '{row}'");
            }

            yield return (frame, step, long.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var episode) ? episode : -1);
        }
    }
}
