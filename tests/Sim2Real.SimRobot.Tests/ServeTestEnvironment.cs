using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Sim2Real.Ros.Transport;

namespace Sim2Real.SimRobot.Tests;

/// <summary>
/// Isolation for the served-robot tests: a domain of their own (150..199, apart from the other DDS test projects'
/// 42..99), loopback only, and the served robot as a child process of the CLI this project builds.
/// </summary>
internal static class ServeTestEnvironment
{
    public static int DomainId { get; } = RandomNumberGenerator.GetInt32(150, 200);

    /// <summary>Room for every participant the tests start on this host (each node and child process is one).</summary>
    public static NetworkOptions Network { get; } = NetworkOptions.Loopback with { MaxParticipantsPerHost = 60 };

    public static RosOptions Options(string node = "sim_serve_test") => new()
    {
        DomainId = DomainId,
        NodeName = node,
        Network = Network,
        CycloneUri = null,
    };

    /// <summary>The CLI built beside the tests.</summary>
    public static string Cli => Path.Combine(AppContext.BaseDirectory, "sim2real.dll");

    public static string CPeer => Path.Combine(AppContext.BaseDirectory, "s2r_ddspeer");

    public static ProcessStartInfo Start(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ROS_DOMAIN_ID"] = DomainId.ToString(CultureInfo.InvariantCulture);
        start.Environment["CYCLONEDDS_URI"] = Network.ToCycloneXml();
        return start;
    }
}
