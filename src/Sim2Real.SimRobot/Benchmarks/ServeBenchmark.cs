using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Sim.Benchmarks;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Tasks;
using Sim2Real.SimRobot.Sensors;

namespace Sim2Real.SimRobot.Benchmarks;

/// <summary>
/// The served robot's speed as a client in another process sees it, over loopback DDS: joint-state rate and jitter
/// on the wall clock, lockstep steps/s against <c>sim bench</c> on the same scene in the same run, 640x480 frames per
/// second, and command-to-motion latency. Each part starts its own <c>sim serve</c> through <paramref name="serve"/>.
/// </summary>
public static class ServeBenchmark
{
    private const double JointStateHz = 500;
    private const double SampleTimeoutS = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <param name="serve">Makes the start info of <c>sim2real sim serve</c> with the given arguments.</param>
    public static ServeBenchmarkResult Run(ServeBenchmarkOptions options, Func<IReadOnlyList<string>, ProcessStartInfo> serve, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serve);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        var robot = RobotCatalog.Discover().Load(options.Robot);
        var camera = robot.Spec.DefaultCamera("the image benchmark").Name;
        var ros = new RosOptions { DomainId = options.DomainId, NodeName = "sim_servebench", Network = NetworkOptions.Loopback };
        ProcessStartInfo Serve(params string[] args)
        {
            var start = serve(["--robot", options.Robot, .. args]);
            start.Environment["ROS_DOMAIN_ID"] = options.DomainId.ToString(CultureInfo.InvariantCulture);
            start.Environment["CYCLONEDDS_URI"] = ros.CycloneConfig;
            return start;
        }

        var states = JointStates(options, ros, Serve("--no-cameras", "--rate", "500"));
        log.WriteLine(states);
        var lockstep = Lockstep(options, robot, ros, Serve("--no-cameras", "--rate", "500", "--clock", "sim", "--sim-timeout-ms", "10000"));
        log.WriteLine(lockstep);
        var frames = Camera(options, ros, camera, Serve("--camera", camera, "--camera-size", $"{options.CameraWidth}x{options.CameraHeight}",
            "--camera-rate", options.CameraRateHz.ToString(CultureInfo.InvariantCulture)));
        log.WriteLine(frames);
        var latency = Latency(options, robot, ros, Serve("--no-cameras", "--rate", "500"));
        log.WriteLine(latency);
        return new ServeBenchmarkResult(states, lockstep, frames, latency);
    }

    private static JointStateRateResult JointStates(ServeBenchmarkOptions options, RosOptions ros, ProcessStartInfo start)
    {
        using var served = ServedProcess.Start(start, Patience);
        using var node = new RosNode(ros);
        var arrivals = new ConcurrentQueue<(long Received, long StampNs)>();
        using var subscription = node.CreateSubscription<JointState>("/joint_states", QosProfile.Default);
        using var recording = subscription.Subscribe(s => arrivals.Enqueue((Stopwatch.GetTimestamp(), RosConvert.Nanoseconds(s.Header.Stamp))));
        WaitFor(() => !arrivals.IsEmpty, "joint states");
        Thread.Sleep(TimeSpan.FromSeconds(options.WarmupS));
        arrivals.Clear();
        Thread.Sleep(TimeSpan.FromSeconds(options.SecondsPerPart));
        var run = arrivals.ToArray();

        var periodNs = 1e9 / JointStateHz;
        var stamps = run.Select(a => (double)a.StampNs).ToArray();
        var received = run.Select(a => a.Received * 1e9 / Stopwatch.Frequency).ToArray();
        var expected = (long)Math.Round((stamps[^1] - stamps[0]) / periodNs) + 1;
        return new JointStateRateResult(
            JointStateHz,
            (run.Length - 1) / ((stamps[^1] - stamps[0]) * 1e-9),
            (run.Length - 1) / ((received[^1] - received[0]) * 1e-9),
            Percentiles.Of(Gaps(stamps).Select(g => Math.Abs(g - periodNs) * 1e-6)),
            Percentiles.Of(Gaps(received).Select(g => Math.Abs(g - periodNs) * 1e-6)),
            Math.Max(0, expected - run.Length));
    }

    private static LockstepResult Lockstep(ServeBenchmarkOptions options, RobotConfig robot, RosOptions ros, ProcessStartInfo start)
    {
        var stepsPerPeriod = (int)Math.Round(robot.Spec.Control.PeriodS / robot.Spec.Kinematics.TimestepS);
        var scene = robot.ScenePath(TaskCatalog.All.First(t => robot.Scenes.ContainsKey(t.Scene)).Scene);
        double served;
        using (var process = ServedProcess.Start(start, Patience))
        using (var node = new RosNode(ros))
        {
            // The end of each control period is the joint state whose stamp is a whole number of periods (20 ms).
            var periodNs = (long)Math.Round(robot.Spec.Control.PeriodS * 1e9);
            using var ends = new BlockingCollection<long>();
            using var subscription = node.CreateSubscription<JointState>("/joint_states", QosProfile.Default);
            using var watching = subscription.Subscribe(s =>
            {
                var stamp = RosConvert.Nanoseconds(s.Header.Stamp);
                if (stamp % periodNs == 0)
                {
                    ends.Add(stamp);
                }
            });
            using var commands = node.CreatePublisher<Float64MultiArray>("/forward_position_controller/commands", QosProfile.Default);
            commands.WaitForSubscribersAsync().Wait(Patience);
            WaitFor(() => subscription.Status.Matched > 0, "the joint-state publisher");
            var home = new Float64MultiArray { Data = robot.Spec.Home() };
            var last = Take(ends, -1);

            // A prompt client: one command per period, the next as soon as the period's last joint state is in.
            void Period()
            {
                commands.Publish(home);
                last = Take(ends, last);
            }

            for (var k = 0; k < 20; k++)
            {
                Period();
            }

            var clock = Stopwatch.StartNew();
            for (var k = 0; k < options.LockstepPeriods; k++)
            {
                Period();
            }

            served = options.LockstepPeriods * stepsPerPeriod / clock.Elapsed.TotalSeconds;
        }

        using var model = MjModel.FromXmlFile(scene);
        StepBenchmark.Run(model, 200, 1); // warm, as sim bench does
        var reference = StepBenchmark.Run(model, options.LockstepPeriods * stepsPerPeriod, 1);
        return new LockstepResult(scene, options.LockstepPeriods, served, reference.StepsPerSecond);
    }

    private static CameraRateResult Camera(ServeBenchmarkOptions options, RosOptions ros, string camera, ProcessStartInfo start)
    {
        using var served = ServedProcess.Start(start, Patience);
        using var node = new RosNode(ros);
        var arrivals = new ConcurrentQueue<(long Received, long StampNs)>();
        using var subscription = node.CreateSubscription<Image>($"/{camera}/image_raw", QosProfile.SensorData);
        using var recording = subscription.Subscribe(i =>
        {
            if (i.Width == options.CameraWidth && i.Height == options.CameraHeight && i.Data.Length == 3 * i.Width * i.Height)
            {
                arrivals.Enqueue((Stopwatch.GetTimestamp(), RosConvert.Nanoseconds(i.Header.Stamp)));
            }
        });
        WaitFor(() => !arrivals.IsEmpty, $"/{camera}/image_raw frames");
        Thread.Sleep(TimeSpan.FromSeconds(options.WarmupS));
        arrivals.Clear();
        Thread.Sleep(TimeSpan.FromSeconds(options.SecondsPerPart));
        var run = arrivals.ToArray();
        var seconds = (run[^1].Received - run[0].Received) / (double)Stopwatch.Frequency;
        var stamped = (run[^1].StampNs - run[0].StampNs) * 1e-9;
        return new CameraRateResult(options.CameraWidth, options.CameraHeight, options.CameraRateHz,
            (run.Length - 1) / seconds, (run.Length - 1) / stamped, run.Length);
    }

    private static LatencyResult Latency(ServeBenchmarkOptions options, RobotConfig robot, RosOptions ros, ProcessStartInfo start)
    {
        using var served = ServedProcess.Start(start, Patience);
        using var node = new RosNode(ros);
        // The first joint (a vertical axis, no gravity load) steps by 0.1 rad: its PD effort jumps by kp x 0.1 at the
        // first physics step that applies the command, long before the position shows it. Every state is checked as
        // it arrives (on the DDS thread): a loaded machine may deliver several before this thread looks.
        const int Joint = 0;
        const double Step = 0.1;
        var threshold = 0.5 * robot.Joints[Joint].KpNmPerRad * Step;
        var gate = new Lock();
        var effort = double.NaN;
        (long Sent, double Before, long Answered)? pending = null;
        using var answered = new ManualResetEventSlim(false);
        using var subscription = node.CreateSubscription<JointState>("/joint_states", QosProfile.Default);
        using var recording = subscription.Subscribe(s =>
        {
            var received = Stopwatch.GetTimestamp();
            lock (gate)
            {
                effort = s.Effort[Joint];
                if (pending is { Answered: 0 } p && Math.Abs(effort - p.Before) > threshold)
                {
                    pending = p with { Answered = received };
                    answered.Set();
                }
            }
        });
        using var commands = node.CreatePublisher<Float64MultiArray>("/forward_position_controller/commands", QosProfile.Default);
        commands.WaitForSubscribersAsync().Wait(Patience);
        WaitFor(() => { lock (gate) { return !double.IsNaN(effort); } }, "joint states");
        var home = robot.Spec.Home();
        // The robot's reader may match a little after this writer does: the first command could be lost.
        commands.Publish(new Float64MultiArray { Data = home });
        Thread.Sleep(TimeSpan.FromSeconds(options.WarmupS));
        var latencies = new List<double>();
        for (var k = 0; k < options.LatencySamples + 2; k++)
        {
            Thread.Sleep(TimeSpan.FromSeconds(options.LatencyIntervalS));
            var target = (double[])home.Clone();
            target[Joint] += k % 2 == 0 ? Step : 0;
            answered.Reset();
            var message = new Float64MultiArray { Data = target };
            long sent;
            lock (gate)
            {
                sent = Stopwatch.GetTimestamp();
                pending = (sent, effort, 0);
            }

            commands.Publish(message);
            if (!answered.Wait(TimeSpan.FromSeconds(SampleTimeoutS)))
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"no joint state answered step command {k} within {SampleTimeoutS} s (a change of {threshold:0.###} N m in joint {Joint}'s effort)"));
            }

            // The first two warm the path (JIT, first samples) and are not counted.
            lock (gate)
            {
                if (k >= 2)
                {
                    latencies.Add((pending!.Value.Answered - sent) * 1e3 / Stopwatch.Frequency);
                }

                pending = null;
            }
        }

        return new LatencyResult(Percentiles.Of(latencies), robot.Spec.Kinematics.TimestepS * 1e3);
    }

    private static long Take(BlockingCollection<long> ends, long after)
    {
        while (true)
        {
            if (!ends.TryTake(out var end, Patience))
            {
                throw new TimeoutException($"lockstep stalled: no end of a control period within {Patience.TotalSeconds:0} s");
            }

            if (end > after)
            {
                return end;
            }
        }
    }

    private static IEnumerable<double> Gaps(double[] times) => times.Zip(times.Skip(1), (a, b) => b - a);

    private static void WaitFor(Func<bool> condition, string what)
    {
        if (!SpinWait.SpinUntil(() =>
        {
            Thread.Sleep(10);
            return condition();
        }, Patience))
        {
            throw new TimeoutException($"no {what} from the served robot within {Patience.TotalSeconds:0} s");
        }
    }
}
