using Sim2Real.Learning.Tests.Checkpoints;

namespace Sim2Real.Learning.Tests;

/// <summary>
/// Entry point when this assembly runs as a child process (<c>dotnet exec Sim2Real.Learning.Tests.dll ...</c>),
/// so crash tests can kill a real process with SIGKILL. The test runner never calls it.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "write-checkpoint")
        {
            return CrashingWriter.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        if (args.Length is 1 or 2 && args[0] == "bench-policies")
        {
            return Policies.PolicyActBench.Run(args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000);
        }

        if (args.Length == 4 && args[0] == "bench-update-variants")
        {
            return Benchmarks.UpdateVariantsBench.Run(Int(args[1]), Int(args[2]), Int(args[3]));
        }

        if (args.Length is >= 1 and <= 5 && args[0] == "precision-numerics")
        {
            return Benchmarks.PrecisionNumerics.Run(
                args.Length > 1 ? Int(args[1]) : 1000, args.Length > 2 ? Int(args[2]) : 32, args.Length > 3 ? Int(args[3]) : 2, args.Length > 4 ? args[4] : null);
        }

        Console.Error.WriteLine("usage: write-checkpoint PATH FILL_BYTE | bench-policies [CALLS] | bench-update-variants B UPDATES THREADS | precision-numerics [UPDATES] [B] [THREADS] [CSV]");
        return 2;
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
