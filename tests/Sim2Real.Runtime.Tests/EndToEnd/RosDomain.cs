using System.Globalization;
using System.Security.Cryptography;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Runtime.Tests.EndToEnd;

/// <summary>A DDS domain of one test's own (150..229, away from the Ros tests' 42..99), on loopback only.</summary>
internal sealed record RosDomain(int Id)
{
    public static NetworkOptions Network { get; } = NetworkOptions.Loopback with { MaxParticipantsPerHost = 60 };

    public static RosDomain Fresh() => new(RandomNumberGenerator.GetInt32(150, 230));

    public RosOptions Options(string node) => new() { DomainId = Id, NodeName = node, Network = Network, CycloneUri = null };

    public void ApplyTo(System.Diagnostics.ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.Environment["ROS_DOMAIN_ID"] = Id.ToString(CultureInfo.InvariantCulture);
        start.Environment["CYCLONEDDS_URI"] = Network.ToCycloneXml();
    }
}
