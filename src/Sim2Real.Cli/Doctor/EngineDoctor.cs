using Sim2Real.Native;

namespace Sim2Real.Cli.Doctor;

/// <summary>Runs each engine check, prints one line per engine, and says what to install for the ones that fail.</summary>
internal sealed class EngineDoctor(IReadOnlyList<EngineCheck> checks)
{
    /// <returns>0 when every engine loaded, 1 otherwise.</returns>
    public int Run(TextWriter output)
    {
        var failures = 0;
        foreach (var check in checks)
        {
            var line = Probe(check, out var ok);
            output.WriteLine(line);
            failures += ok ? 0 : 1;
        }

        output.WriteLine(failures == 0
            ? "all engines loaded"
            : $"{failures} engine(s) missing or broken: run scripts/setup (as root or with sudo) to install them");
        return failures == 0 ? 0 : 1;
    }

    private static string Probe(EngineCheck check, out bool ok)
    {
        ok = false;
        var name = check.Library.Engine;
        try
        {
            var report = check.Probe();
            ok = true;
            return $"ok       {report.Engine,-12} {report.Version,-28} {report.Detail}";
        }
        catch (NativeLibraryMissingException e)
        {
            return $"MISSING  {name,-12} {e.Message}";
        }
        catch (EntryPointNotFoundException e)
        {
            return $"BROKEN   {name,-12} library loaded but lacks {e.Message}; reinstall Debian package {check.Library.DebianPackage}";
        }
        catch (DllNotFoundException e)
        {
            return $"MISSING  {name,-12} {e.Message}; install Debian package {check.Library.DebianPackage}";
        }
        catch (InvalidOperationException e)
        {
            return $"BROKEN   {name,-12} {e.Message}; check Debian package {check.Library.DebianPackage}";
        }
    }
}
