using Sim2Real.Ros.Interop;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// Applies the project's network configuration to a DDS domain when CYCLONEDDS_URI is not set. A process can create
/// a domain with an explicit configuration only once; leases are counted so the last node to go deletes it.
/// </summary>
internal static class CycloneDomain
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, (int Entity, int Leases)> Domains = [];

    public static IDisposable Acquire(int domainId, string configXml, EntityFactory entities)
    {
        lock (Gate)
        {
            if (Domains.TryGetValue(domainId, out var existing))
            {
                Domains[domainId] = (existing.Entity, existing.Leases + 1);
            }
            else
            {
                var handle = entities.Create($"domain {domainId}", "-", "create domain with loopback/configured network",
                    () => DdsNative.dds_create_domain((uint)domainId, configXml));
                Domains[domainId] = (handle.Entity, 1);
                // The entity stays alive through the table, not the handle; Release deletes it.
                handle.SetHandleAsInvalid();
            }

            return new Lease(domainId);
        }
    }

    private static void Release(int domainId)
    {
        lock (Gate)
        {
            var (entity, leases) = Domains[domainId];
            if (leases > 1)
            {
                Domains[domainId] = (entity, leases - 1);
                return;
            }

            Domains.Remove(domainId);
            _ = DdsNative.dds_delete(entity);
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
