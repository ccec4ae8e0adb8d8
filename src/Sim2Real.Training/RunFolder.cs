using Sim2Real.Core;

namespace Sim2Real.Training;

/// <summary>
/// A run directory claimed by one training process: an exclusive lock file, so a second run on the same folder
/// fails at once instead of corrupting the first; an earlier run's outputs kept unless the run resumes them or
/// overwrites them on request; and, when the run fails to start, no folder left behind that the run created.
/// </summary>
internal sealed class RunFolder : IDisposable
{
    public const string LockFileName = "train.lock";

    /// <summary>What a run writes into its folder; any of them present means an earlier run lives there.</summary>
    private static readonly string[] Outputs = [Trainer.TrainCsvFileName, EvalResult.CsvFileName, LearningCurvePlot.FileName, "checkpoints", "replay", "eval_video", "adapt"];

    private readonly FileStream _lock;
    private readonly bool _created;

    private RunFolder(string path, FileStream lockFile, bool created)
    {
        Path = path;
        _lock = lockFile;
        _created = created;
    }

    public string Path { get; }

    /// <summary>Claims <paramref name="path"/> for a new run, a resumed one or one that replaces an earlier run.</summary>
    /// <exception cref="InvalidConfigException">The path is a file, or holds an earlier run that is neither resumed nor overwritten.</exception>
    /// <exception cref="IOException">Another training process holds the folder.</exception>
    /// <param name="folderOption">The flag that names the folder, for the messages (train's --run-dir, train adapt's --out).</param>
    public static RunFolder Claim(string path, bool resume, bool overwrite, string folderOption = "--run-dir")
    {
        if (resume && overwrite)
        {
            throw new InvalidConfigException("train options", "resume/overwrite", "give one of them: --resume continues the earlier run, --overwrite replaces it");
        }

        if (File.Exists(path))
        {
            throw new InvalidConfigException("train options", "run_directory", $"{path} is a file, not a folder");
        }

        var created = !Directory.Exists(path);
        Directory.CreateDirectory(path);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(System.IO.Path.Combine(path, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"{path}: another training run is using this folder ({LockFileName} is locked); wait for it to end or give another {folderOption}", e);
        }

        var folder = new RunFolder(path, lockFile, created);
        try
        {
            var earlier = Outputs.Where(o => File.Exists(System.IO.Path.Combine(path, o)) || Directory.Exists(System.IO.Path.Combine(path, o))).ToList();
            if (earlier.Count > 0 && !resume)
            {
                if (!overwrite)
                {
                    throw new InvalidConfigException("train options", "run_directory", $"{path} holds an earlier run ({string.Join(", ", earlier)}): give --resume to continue it, --overwrite to replace it, or another {folderOption}");
                }

                foreach (var output in earlier.Select(o => System.IO.Path.Combine(path, o)))
                {
                    if (Directory.Exists(output))
                    {
                        Directory.Delete(output, recursive: true);
                    }
                    else
                    {
                        File.Delete(output);
                    }
                }
            }

            return folder;
        }
        catch
        {
            folder.Abandon();
            throw;
        }
    }

    /// <summary>The run did not start: releases the folder, and removes it if this claim created it.</summary>
    public void Abandon()
    {
        _lock.Dispose();
        if (_created && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    public void Dispose() => _lock.Dispose();
}
