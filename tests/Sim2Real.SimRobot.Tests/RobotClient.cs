using System.Reactive.Linq;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.RosgraphMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Messages.TrajectoryMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.SimRobot.Sensors;

namespace Sim2Real.SimRobot.Tests;

/// <summary>
/// What a deployment runtime would be to the served robot: a ROS 2 node reading its topics and commanding it. In
/// lockstep mode <see cref="StepAsync"/> sends one command and waits for the joint states at the end of its period.
/// </summary>
internal sealed class RobotClient : IDisposable
{
    /// <summary>A control period: 10 physics steps of 2 ms.</summary>
    public const long PeriodNs = 20_000_000;

    private readonly RosNode _node;
    private readonly List<IDisposable> _endpoints = [];

    private RobotClient(RosNode node, string ns)
    {
        _node = node;
        Namespace = ns;
    }

    /// <summary>The served robot's namespace ("" for the root), which every test fixture sets apart from the others.</summary>
    public string Namespace { get; }

    /// <summary>A /diagnostics status name of the served robot (node sim_serve in <see cref="Namespace"/>), e.g. "/arm/sim_serve: push".</summary>
    public string Status(string what) => $"{Namespace}/sim_serve: {what}";

    public Recorder<JointState> JointStates { get; } = new();

    public Recorder<TaskMetrics> Metrics { get; } = new();

    public Recorder<DiagnosticArray> Diagnostics { get; } = new();

    public Recorder<PointStamped> Target { get; } = new();

    public Recorder<Clock> Clock { get; } = new();

    public Dictionary<string, Recorder<Image>> Images { get; } = [];

    public Dictionary<string, Recorder<CameraInfo>> CameraInfos { get; } = [];

    public RosPublisher<Float64MultiArray> Commands { get; private set; } = null!;

    public RosPublisher<JointTrajectory> Trajectories { get; private set; } = null!;

    public RosPublisher<Float64MultiArray> Gains { get; private set; } = null!;

    public RosPublisher<Empty> Reset { get; private set; } = null!;

    public RosPublisher<FaultCommand> Faults { get; private set; } = null!;

    /// <summary>The stamp of the newest joint states received (ns of robot time).</summary>
    public long LastStampNs => JointStates.Snapshot() is { Length: > 0 } all ? Stamp(all[^1]) : 0;

    public static long Stamp(JointState state) => RosConvert.Nanoseconds(state.Header.Stamp);

    /// <summary>Joins the robot's topics (in namespace <paramref name="ns"/>) and waits until every endpoint has matched.</summary>
    public static async Task<RobotClient> ConnectAsync(string ns = "", params string[] cameras)
    {
        var client = new RobotClient(new RosNode(ServeTestEnvironment.Options($"client_{Guid.NewGuid():N}"[..20])), ns);
        try
        {
            var readers = new List<Func<uint>>
            {
                client.Record(ns + "/joint_states", client.JointStates, QosProfile.Default),
                client.Record(ns + "/task/metrics", client.Metrics, QosProfile.Default),
                client.Record("/diagnostics", client.Diagnostics, QosProfile.Default),
            };
            foreach (var camera in cameras)
            {
                client.Images[camera] = new();
                client.CameraInfos[camera] = new();
                readers.Add(client.Record($"{ns}/{camera}/image_raw", client.Images[camera], QosProfile.SensorData));
                readers.Add(client.Record($"{ns}/{camera}/camera_info", client.CameraInfos[camera], QosProfile.SensorData));
            }

            client.Commands = client.Publisher<Float64MultiArray>(ns + "/forward_position_controller/commands");
            client.Trajectories = client.Publisher<JointTrajectory>(ns + "/joint_trajectory_controller/joint_trajectory");
            client.Gains = client.Publisher<Float64MultiArray>(ns + "/pd_gains");
            client.Reset = client.Publisher<Empty>(ns + "/sim/reset");
            client.Faults = client.Publisher<FaultCommand>(ns + "/sim/fault");
            foreach (var publisher in new[] { client.Commands, client.Gains })
            {
                await publisher.WaitForSubscribersAsync().WaitAsync(Recorder<int>.Patience);
            }

            await client.Trajectories.WaitForSubscribersAsync().WaitAsync(Recorder<int>.Patience);
            await client.Reset.WaitForSubscribersAsync().WaitAsync(Recorder<int>.Patience);
            await client.Faults.WaitForSubscribersAsync().WaitAsync(Recorder<int>.Patience);
            var deadline = DateTime.UtcNow + Recorder<int>.Patience;
            while (readers.Any(matched => matched() == 0))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("the served robot's publishers did not match");
                }

                await Task.Delay(20);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Records a topic the tests add (e.g. /target, latched); returns its matched-writer count.</summary>
    public Func<uint> Record<T>(string topic, Recorder<T> recorder, QosProfile qos)
        where T : IRosMessage<T>
    {
        var subscription = _node.CreateSubscription<T>(topic, qos);
        _endpoints.Add(subscription);
        _endpoints.Add(subscription.Subscribe(recorder.Add));
        return () => subscription.Status.Matched;
    }

    public RosPublisher<T> Publisher<T>(string topic)
        where T : IRosMessage<T>
    {
        var publisher = _node.CreatePublisher<T>(topic, QosProfile.Default);
        _endpoints.Add(publisher);
        return publisher;
    }

    /// <summary>
    /// Starts the next episode and returns its number with the robot time it starts at (lockstep: the clock does not
    /// move until the next command, so the newest joint states carry the start's stamp).
    /// </summary>
    public async Task<(int Episode, long StartNs)> ResetAsync()
    {
        var states = JointStates.Count;
        var metrics = Metrics.Count;
        Reset.Publish(new Empty());
        var first = await Metrics.WaitFor(m => m.Step == 0, metrics, "episode start");
        var state = await JointStates.WaitFor(_ => true, states, "joint states at the episode start");
        return ((int)first.Episode, Stamp(state));
    }

    /// <summary>Sends one command and waits for the joint states at the end of the control period it starts.</summary>
    public async Task<JointState> StepAsync(double[] target, long? fromNs = null)
    {
        var expected = (fromNs ?? LastStampNs) + PeriodNs;
        Commands.Publish(new Float64MultiArray { Data = target });
        return await JointStates.WaitFor(s => Stamp(s) == expected, 0, $"joint states at {expected} ns");
    }

    /// <summary>
    /// Waits until the robot's clock has reached <paramref name="ns"/>, seen on /joint_states or, while those are
    /// silent, on /clock.
    /// </summary>
    public async Task WaitUntilAsync(long ns)
    {
        var deadline = DateTime.UtcNow + Recorder<int>.Patience;
        while (LastStampNs < ns && (Clock.Snapshot() is not { Length: > 0 } ticks || RosConvert.Nanoseconds(ticks[^1].Time) < ns))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the robot's clock did not reach {ns} ns");
            }

            await Task.Delay(2);
        }
    }

    public void Dispose()
    {
        for (var i = _endpoints.Count - 1; i >= 0; i--)
        {
            _endpoints[i].Dispose();
        }

        _node.Dispose();
    }
}
