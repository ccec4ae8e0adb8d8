using System.Diagnostics;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Tests.Transport;

/// <summary>
/// A second process that relays every message type back (rt/&lt;prefix&gt;/in/&lt;Type_&gt; to .../out/&lt;Type_&gt;):
/// either the C program built from idlc's output (s2r_ddspeer) or the C# peer (Sim2Real.Ros.Peer).
/// </summary>
internal sealed class EchoPeer : IDisposable
{
    private readonly Process _process;

    private EchoPeer(Process process) => _process = process;

    public static EchoPeer StartC(string prefix, int countPerType, IEnumerable<RosMessageType> types) =>
        Start(Path.Combine(AppContext.BaseDirectory, "s2r_ddspeer"), [], prefix, countPerType, types);

    public static EchoPeer StartCSharp(string prefix, int countPerType, IEnumerable<RosMessageType> types) =>
        Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Sim2Real.Ros.Peer.dll")], prefix, countPerType, types);

    public static Process StartC(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "s2r_ddspeer"), args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        RosTestEnvironment.ApplyTo(start);
        return Process.Start(start)!;
    }

    /// <summary>Waits for the peer to report its endpoints exist, then returns.</summary>
    public async Task ReadyAsync()
    {
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line != "ready")
        {
            throw new InvalidOperationException($"peer did not start: {line} {await _process.StandardError.ReadToEndAsync()}");
        }
    }

    /// <summary>The peer's exit code and everything it printed, once it exits.</summary>
    public async Task<(int ExitCode, string Output)> ExitAsync()
    {
        var stdout = _process.StandardOutput.ReadToEndAsync();
        var stderr = _process.StandardError.ReadToEndAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (_process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static EchoPeer Start(string program, string[] prefixArgs, string prefix, int countPerType, IEnumerable<RosMessageType> types)
    {
        var start = new ProcessStartInfo(program, [.. prefixArgs, "echo", prefix, countPerType.ToString(System.Globalization.CultureInfo.InvariantCulture), "30", .. types.Select(t => t.Name.Name + "_")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        RosTestEnvironment.ApplyTo(start);
        return new EchoPeer(Process.Start(start)!);
    }
}
