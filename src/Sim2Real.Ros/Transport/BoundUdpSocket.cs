using System.Net;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A UDP socket a process holds, as <c>/proc/net/udp</c> and <c>/proc/net/udp6</c> list it: the local address and
/// port it is bound to and, for this process's own sockets, the device it is held to (SO_BINDTODEVICE).
/// </summary>
public sealed record BoundUdpSocket(long Inode, int Fd, IPAddress Address, int Port, string? Device)
{
    /// <summary>Bound to 0.0.0.0 or ::, i.e. receiving on every interface unless <see cref="Device"/> says otherwise.</summary>
    public bool IsWildcard => Address.Equals(IPAddress.Any) || Address.Equals(IPAddress.IPv6Any);

    /// <summary>Bound to a loopback address (127.0.0.0/8, ::1).</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Only this host can send to it: bound to a loopback address, or held to the loopback device.</summary>
    public bool IsLoopbackOnly => IsLoopback || (IsWildcard && Device == "lo");

    public override string ToString() =>
        $"{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address)}:{Port}{(Device is null ? "" : "%" + Device)}";
}
