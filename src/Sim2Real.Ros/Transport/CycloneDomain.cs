using Sim2Real.Core;
using Sim2Real.Ros.Interop;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// Creates each DDS domain explicitly with its network configuration (the project's, or the user's CYCLONEDDS_URI,
/// which is what Cyclone would read itself) and, when the domain ended up on loopback only, holds its receive
/// sockets there (<see cref="LoopbackHold"/>). A process can create a domain only once, so the first configuration
/// stays; leases are counted so the last node to go deletes it.
/// </summary>
internal static class CycloneDomain
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, (int Entity, int Leases, string Config)> Domains = [];

    /// <param name="config">Cyclone configuration: XML and/or file URIs, as CYCLONEDDS_URI takes them ("" for Cyclone's defaults).</param>
    /// <param name="source">Where the configuration came from, for errors (e.g. CYCLONEDDS_URI).</param>
    /// <param name="loopbackOnly">The project configured loopback only: the receive sockets must end up held to it.</param>
    public static IDisposable Acquire(int domainId, string config, string source, bool loopbackOnly, EntityFactory entities)
    {
        lock (Gate)
        {
            if (Domains.TryGetValue(domainId, out var existing))
            {
                if (existing.Config != config)
                {
                    // rmw_cyclonedds refuses this too: the second node would silently get the first one's network.
                    throw new InvalidConfigException("ros options", "network",
                        $"domain {domainId} is already running in this process with another network configuration; nodes of one domain share it");
                }

                Domains[domainId] = existing with { Leases = existing.Leases + 1 };
                return new Lease(domainId);
            }

            var before = OperatingSystem.IsLinux() ? LoopbackHold.Snapshot() : [];
            // Cyclone prints a configuration error on stderr itself; the message points there.
            var handle = entities.Create($"domain {domainId}", "-", $"create domain from {source} (Cyclone prints why a configuration is refused)",
                () => DdsNative.dds_create_domain((uint)domainId, config));
            // The entity stays alive through the table, not the handle; Release deletes it.
            handle.SetHandleAsInvalid();
            try
            {
                if (OperatingSystem.IsLinux())
                {
                    _ = LoopbackHold.Apply(before, loopbackOnly, $"domain {domainId}");
                }
            }
            catch
            {
                _ = DdsNative.dds_delete(handle.Entity);
                throw;
            }

            Domains[domainId] = (handle.Entity, 1, config);
            return new Lease(domainId);
        }
    }

    private static void Release(int domainId)
    {
        lock (Gate)
        {
            var existing = Domains[domainId];
            if (existing.Leases > 1)
            {
                Domains[domainId] = existing with { Leases = existing.Leases - 1 };
                return;
            }

            Domains.Remove(domainId);
            _ = DdsNative.dds_delete(existing.Entity);
        }
    }

    private sealed class Lease(int domainId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Release(domainId);
            }
        }
    }
}
