using Sim2Real.Core;

namespace Sim2Real.Cli.Commands.Replay;

/// <summary>A replay report is evidence about a log: it is written to a new file, never over an older one.</summary>
internal static class NewOutputFile
{
    /// <exception cref="InvalidConfigException">Something is at <paramref name="path"/> already.</exception>
    public static void Require(string path, string flag)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new InvalidConfigException(path, flag, "already exists; choose a new file (nothing was overwritten)");
        }
    }
}
