using System.Text;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Interop;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.RmwDdsCommon;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A ROS 2 node over Cyclone DDS: one DDS participant (with the USER_DATA ROS 2 tools expect), its publishers and
/// subscriptions, and its announcement on ros_discovery_info. Disposing the node disposes everything it created.
/// </summary>
public sealed unsafe class RosNode : IDisposable
{
    private readonly IDisposable _domain;
    private readonly DdsEntityHandle _participant;
    private readonly GraphAnnouncer? _graph;
    private readonly Lock _gate = new();
    private readonly List<IDisposable> _endpoints = [];
    private TopicDiscovery? _discovery;
    private bool _disposed;

    public RosNode(RosOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Entities = new EntityFactory(options.CreateAttempts, options.CreateBackoff, time ?? TimeProvider.System);
        _domain = CycloneDomain.Acquire(options.DomainId, options.CycloneConfig, options.CycloneConfigSource, options.IsLoopbackOnly, Entities);

        try
        {
            var qos = DdsNative.dds_create_qos();
            try
            {
                // rmw_cyclonedds announces the security enclave in the participant's USER_DATA.
                var userData = Encoding.ASCII.GetBytes("enclave=/;");
                fixed (byte* p = userData)
                {
                    DdsNative.dds_qset_userdata(qos, p, (nuint)userData.Length);
                }

                _participant = Entities.Create(FullyQualifiedName, "-", "create participant",
                    () => DdsNative.dds_create_participant((uint)options.DomainId, qos, IntPtr.Zero));
            }
            finally
            {
                DdsNative.dds_delete_qos(qos);
            }

            _graph = options.AnnounceGraph ? new GraphAnnouncer(this) : null;
        }
        catch
        {
            _participant?.Dispose();
            _domain.Dispose();
            throw;
        }
    }

    public RosOptions Options { get; }

    /// <summary>The node's name with its namespace, as <c>ros2 node list</c> shows it.</summary>
    public string FullyQualifiedName => Options.Namespace == "/" ? "/" + Options.NodeName : $"{Options.Namespace}/{Options.NodeName}";

    /// <summary>The DDS participant's GUID (16 bytes), which ROS 2 uses as the participant gid.</summary>
    public byte[] ParticipantGid => GuidOf(Participant);

    internal int Participant => _participant.Entity;

    internal EntityFactory Entities { get; }

    public RosPublisher<T> CreatePublisher<T>(string topic, QosProfile? qos = null)
        where T : IRosMessage<T>
    {
        var (name, profile) = Prepare(topic, qos);
        var publisher = new RosPublisher<T>(new TopicWriter(this, name, T.TypeName, profile, TopicName.ToDds(name)), Forget);
        return Track(publisher);
    }

    public RosSubscription<T> CreateSubscription<T>(string topic, QosProfile? qos = null)
        where T : IRosMessage<T>
    {
        var (name, profile) = Prepare(topic, qos);
        return Track(new RosSubscription<T>(this, name, profile, Forget));
    }

    /// <summary>
    /// A cold observable of <paramref name="topic"/>: each subscription creates its own DDS reader and disposing the
    /// subscription deletes it.
    /// </summary>
    public IObservable<T> Observe<T>(string topic, QosProfile? qos = null)
        where T : IRosMessage<T> =>
        System.Reactive.Linq.Observable.Using(() => CreateSubscription<T>(topic, qos), subscription => subscription);

    /// <summary>A publisher of pre-serialized bytes for a type chosen at run time.</summary>
    public SerializedPublisher CreateSerializedPublisher(string topic, RosTypeName type, QosProfile? qos = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var (name, profile) = Prepare(topic, qos);
        return Track(new SerializedPublisher(new TopicWriter(this, name, type, profile, TopicName.ToDds(name)), Forget));
    }

    /// <summary>A subscription delivering bytes; with <paramref name="validate"/>, samples that do not decode are dropped and counted.</summary>
    public SerializedSubscription CreateSerializedSubscription(string topic, RosTypeName type, QosProfile? qos = null, bool validate = true)
    {
        ArgumentNullException.ThrowIfNull(type);
        var (name, profile) = Prepare(topic, qos);
        return Track(new SerializedSubscription(this, name, type, profile, validate, Forget));
    }

    /// <summary>
    /// What participants announce on ros_discovery_info (this one included): how ROS 2 tools learn node names. The
    /// subscription ends when the returned handle is disposed.
    /// </summary>
    public IObservable<ParticipantEntitiesInfo> ObserveGraph() => System.Reactive.Linq.Observable.Create<ParticipantEntitiesInfo>(observer =>
    {
        var reader = new TopicReader(this, "/" + GraphAnnouncer.Topic, ParticipantEntitiesInfo.TypeName, QosProfile.Latched,
            (cdr, _) => observer.OnNext(RosMessage.Decode<ParticipantEntitiesInfo>(cdr)), GraphAnnouncer.Topic);
        return reader;
    });

    /// <summary>Publishers and subscriptions currently visible in the domain (DDS built-in topics), ROS topics only.</summary>
    public IReadOnlyList<DiscoveredEndpoint> DiscoverEndpoints()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _discovery ??= new TopicDiscovery(this);
            return _discovery.Endpoints();
        }
    }

    /// <summary>Participants currently visible in the domain (DCPSParticipant), with their USER_DATA.</summary>
    public IReadOnlyList<DiscoveredParticipant> DiscoverParticipants()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _discovery ??= new TopicDiscovery(this);
            return _discovery.Participants();
        }
    }

    public void Dispose()
    {
        List<IDisposable> endpoints;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            endpoints = [.. _endpoints];
            _endpoints.Clear();
        }

        foreach (var endpoint in endpoints)
        {
            endpoint.Dispose();
        }

        _discovery?.Dispose();
        _graph?.Dispose();
        _participant.Dispose();
        _domain.Dispose();
    }

    internal byte[] GuidOf(int entity)
    {
        var guid = new byte[16];
        fixed (byte* p = guid)
        {
            _ = DdsNative.dds_get_guid(entity, p);
        }

        return guid;
    }

    /// <summary>Readers' and writers' gids of this node's user endpoints, for the graph announcement.</summary>
    internal (List<byte[]> Readers, List<byte[]> Writers) EndpointGids()
    {
        lock (_gate)
        {
            var readers = new List<byte[]>();
            var writers = new List<byte[]>();
            foreach (var endpoint in _endpoints)
            {
                if (endpoint is IGraphEndpoint g)
                {
                    (g.IsWriter ? writers : readers).Add(g.Gid);
                }
            }

            return (readers, writers);
        }
    }

    private (string Name, QosProfile Qos) Prepare(string topic, QosProfile? qos)
    {
        var name = TopicName.Resolve(topic, Options.Namespace);
        var profile = qos ?? QosProfile.Default;
        profile.Validate(name);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
        }

        return (name, profile);
    }

    private TEndpoint Track<TEndpoint>(TEndpoint endpoint)
        where TEndpoint : IDisposable
    {
        lock (_gate)
        {
            _endpoints.Add(endpoint);
        }

        _graph?.Announce();
        return endpoint;
    }

    private void Forget(IDisposable endpoint)
    {
        bool removed;
        lock (_gate)
        {
            removed = !_disposed && _endpoints.Remove(endpoint);
        }

        if (removed)
        {
            _graph?.Announce();
        }
    }
}
