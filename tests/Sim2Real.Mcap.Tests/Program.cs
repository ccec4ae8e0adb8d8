using System.Globalization;

namespace Sim2Real.Mcap.Tests;

/// <summary>
/// Entry point when this assembly runs as a child process (<c>dotnet exec Sim2Real.Mcap.Tests.dll ...</c>), so the
/// crash tests can kill a real writer with SIGKILL. The test runner never calls it.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] is "idle" or "mid-chunk")
        {
            return CrashingRecorder.Run(args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        }

        Console.Error.WriteLine("usage: idle|mid-chunk PATH CHUNKS");
        return 2;
    }
}
