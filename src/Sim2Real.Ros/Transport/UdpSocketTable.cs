using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// The UDP sockets a process holds, from <c>/proc/&lt;pid&gt;/fd</c> (which sockets are the process's) and
/// <c>/proc/&lt;pid&gt;/net/udp</c>, <c>udp6</c> (what each is bound to): what the process exposes to the network,
/// readable without iproute2's <c>ss</c>.
/// </summary>
[SupportedOSPlatform("linux")]
public static unsafe partial class UdpSocketTable
{
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    /// <summary>This process's UDP sockets, each with the device it is held to (null when none).</summary>
    public static IReadOnlyList<BoundUdpSocket> OfThisProcess() =>
        [.. Read("self").Select(s => s with { Device = BoundDevice(s.Fd) })];

    /// <summary>
    /// Another process's UDP sockets (its own network namespace). <see cref="BoundUdpSocket.Device"/> is null: a
    /// device binding can only be read by the process that holds the socket.
    /// </summary>
    public static IReadOnlyList<BoundUdpSocket> OfProcess(int pid) => Read(pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>Holds a socket of this process to one network device (SO_BINDTODEVICE): it then receives only what arrives there.</summary>
    internal static void HoldToDevice(int fd, string device)
    {
        var name = System.Text.Encoding.ASCII.GetBytes(device + "\0");
        fixed (byte* p = name)
        {
            if (setsockopt(fd, SolSocket, SoBindToDevice, p, (uint)name.Length) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException($"SO_BINDTODEVICE {device} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
            }
        }
    }

    private static string? BoundDevice(int fd)
    {
        var buffer = stackalloc byte[32];
        uint length = 32;
        if (getsockopt(fd, SolSocket, SoBindToDevice, buffer, &length) != 0)
        {
            return null; // closed since it was listed
        }

        var name = new ReadOnlySpan<byte>(buffer, (int)length).TrimEnd((byte)0);
        return name.IsEmpty ? null : System.Text.Encoding.ASCII.GetString(name);
    }

    private static List<BoundUdpSocket> Read(string pid)
    {
        var fds = SocketFds(pid);
        var sockets = new List<BoundUdpSocket>();
        foreach (var table in new[] { "udp", "udp6" })
        {
            var path = $"/proc/{pid}/net/{table}";
            if (!File.Exists(path))
            {
                continue; // IPv6 disabled in the kernel
            }

            foreach (var line in File.ReadLines(path).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || !long.TryParse(f[9], CultureInfo.InvariantCulture, out var inode) || !fds.TryGetValue(inode, out var fd))
                {
                    continue;
                }

                var local = f[1].Split(':');
                sockets.Add(new BoundUdpSocket(inode, fd, ParseAddress(local[0]), int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), null));
            }
        }

        return sockets;
    }

    // The process's socket inodes, from the fd links ("socket:[12345]").
    private static Dictionary<long, int> SocketFds(string pid)
    {
        var fds = new Dictionary<long, int>();
        foreach (var entry in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(entry).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed while listing
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                && long.TryParse(target.AsSpan(8, target.Length - 9), CultureInfo.InvariantCulture, out var inode)
                && int.TryParse(Path.GetFileName(entry), CultureInfo.InvariantCulture, out var fd))
            {
                fds[inode] = fd;
            }
        }

        return fds;
    }

    // The kernel prints each 32-bit word of the address as a hex number in host byte order.
    private static IPAddress ParseAddress(string hex)
    {
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            var value = uint.Parse(hex.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(word * 4), value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(word * 4), value);
            }
        }

        return new IPAddress(bytes);
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int setsockopt(int fd, int level, int name, byte* value, uint length);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int getsockopt(int fd, int level, int name, byte* value, uint* length);
}
