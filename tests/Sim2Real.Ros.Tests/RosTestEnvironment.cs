using System.Security.Cryptography;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests;

/// <summary>
/// Isolation for DDS tests: one random domain per test run (42..99, so parallel test projects rarely meet), loopback
/// only, and topic names unique per test.
/// </summary>
internal static class RosTestEnvironment
{
    public static int DomainId { get; } = RandomNumberGenerator.GetInt32(42, 100);

    /// <summary>Another domain in the same range, for a test that needs a domain of its own configuration.</summary>
    public static int SecondDomainId { get; } = 42 + ((DomainId - 42 + 29) % 58);

    /// <summary>
    /// Loopback, with room for the participants of tests running in parallel (each node and peer is one; Cyclone's
    /// unicast discovery on loopback needs a free participant index per participant on the host).
    /// </summary>
    public static NetworkOptions Network { get; } = NetworkOptions.Loopback with { MaxParticipantsPerHost = 60 };

    /// <summary>The same configuration, for child processes (CYCLONEDDS_URI).</summary>
    public static string LoopbackUri { get; } = Network.ToCycloneXml();

    public static RosOptions Options(string node = "sim2real_test") => new()
    {
        DomainId = DomainId,
        NodeName = node,
        Network = Network,
        CycloneUri = null,
    };

    /// <summary>
    /// QoS for tests that need every sample: transient-local, so samples written before the reader has discovered the
    /// writer (DDS discovery is not symmetric in time) still arrive once it has.
    /// </summary>
    public static QosProfile Lossless { get; } = QosProfile.Latched.WithDepth(10);

    /// <summary>A topic namespace no other test uses.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The repository root (holds Sim2Real.sln).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sim2Real.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sim2Real.sln not found above " + AppContext.BaseDirectory);
    }

    public static void ApplyTo(System.Diagnostics.ProcessStartInfo start)
    {
        start.Environment["ROS_DOMAIN_ID"] = DomainId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CYCLONEDDS_URI"] = LoopbackUri;
    }
}
