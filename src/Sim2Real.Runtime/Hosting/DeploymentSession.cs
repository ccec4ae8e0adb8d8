using System.Diagnostics;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sim2Real.Core;
using Sim2Real.Learning.Policies;
using Sim2Real.Ros.Messages.RosgraphMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Adapter;
using Sim2Real.Runtime.Episodes;
using Sim2Real.Runtime.Launch;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Recording;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Runtime.Hosting;

/// <summary>
/// One deployment, end to end: the launch file loaded and checked against its policy, the policy warmed up on its
/// thread, a ROS node with the deployment's topics, the clock (wall or /clock), the policy loop, and, for a
/// simulated robot, its episodes. <see cref="RunAsync"/> runs until the duration, the episodes, a refusal or
/// cancellation, then commands the safe action once more, and returns the summary.
/// </summary>
public sealed class DeploymentSession : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly LoadedPolicy _policy;
    private readonly PolicyStep _step;

    private DeploymentSession(DeploymentPlan plan, LoadedPolicy policy, PolicyStep step)
    {
        Plan = plan;
        _policy = policy;
        _step = step;
    }

    public DeploymentPlan Plan { get; }

    /// <summary>Loads and checks everything that can be checked before connecting.</summary>
    /// <exception cref="InvalidConfigException">The launch file is invalid or lacks what the policy needs.</exception>
    /// <exception cref="Robotics.Policies.PolicyMismatchException">The policy does not fit the robot or the launch file.</exception>
    public static DeploymentSession Open(string launchFile, string? policyOverride = null, Ros.RosArguments? ros = null)
    {
        var description = DeploymentFile.Load(launchFile, policyOverride);
        if (ros is not null)
        {
            description = description.With(ros);
        }

        var policy = PolicyFile.Load(description.PolicyPath);
        try
        {
            var plan = DeploymentPlan.Create(description, policy.Manifest, description.PolicyPath);
            var frames = plan.Loop.Camera is { } camera
                ? new FramePreprocessor(camera.ToPreprocessorOptions(plan.Loop.Calibration, description.Source), description.Source)
                : null;
            return new DeploymentSession(plan, policy, new PolicyStep(policy.Policy, frames));
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    public async Task<DeploymentSummary> RunAsync(DeploymentRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var d = Plan.Description;
        var output = options.Output;
        if (options.Episodes is not null && d.Simulator is null)
        {
            throw new InvalidConfigException(d.Source, "simulator", "--episodes needs a simulated robot (a launch file with a simulator: section), which offers /sim/reset and /task/metrics; on a real robot give --duration");
        }

        foreach (var warning in Plan.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        void Report(string line) => output.WriteLine($"threads: {line}");
        // Process-wide, set before the policy thread's first kernel: libtorch's threads adopt it on first use.
        Learning.TorchInfo.SetAllThreads(d.InferenceThreads);
        using var loopThread = new EventLoopScheduler(start => RealtimeThreads.Create("sim2real-control", start, d.ThreadPriority, Report));
        using var inference = new ThreadedInference(_step, loopThread, start => RealtimeThreads.Create("sim2real-policy", start, d.ThreadPriority, Report));
        WarmUp(inference);
        using var node = new RosNode(options.Ros with { NodeName = d.Node.Name, Namespace = d.Node.Namespace });
        var simClock = d.Clock == ClockSource.Sim ? new SimClock() : null;
        // The deployment's clock, read on the loop's thread: it stamps the log as it stamps the loop's samples.
        DateTimeOffset Now() => simClock is null ? loopThread.Now : simClock.Now;
        using var recorder = options.RecordPath is { } path ? DeploymentRecorder.Create(path, d.Recording) : null;
        var taps = recorder is null ? null : new RecordingTaps(recorder, Now);
        if (recorder is not null)
        {
            Describe(recorder, options);
        }

        using var outputs = new RosOutputs(node, Plan, taps);
        var inputs = RosInputs.Create(node, Plan, loopThread, taps);
        using var clockSubscription = simClock is null
            ? null
            : node.CreateSubscription<Clock>(d.Topics.Clock.Name, d.Topics.Clock.Qos).ObserveOn(loopThread).Subscribe(simClock.Advance);
        IScheduler clock = loopThread;
        if (simClock is not null)
        {
            output.WriteLine($"waiting for {d.Topics.Clock.Name} (use_sim_time) ...");
            if (!await WaitAsync(() => simClock.Started, d.StartupTimeout, cancellationToken))
            {
                throw new InvalidConfigException(d.Topics.Clock.Name, "clock", string.Create(CultureInfo.InvariantCulture,
                    $"no sim time within {d.StartupTimeout.TotalSeconds} s: {d.Source} sets clock: sim, so the simulator must publish {d.Topics.Clock.Name} (sim serve --clock sim)"));
            }

            clock = simClock.Scheduler;
        }

        using var loop = new PolicyLoop(Plan.Loop, inputs, outputs, inference, clock, TimeProvider.System);
        using var notices = loop.Notices.Subscribe(n => output.WriteLine($"{(options.LiveStatus ? "\r\u001b[K" : "")}[{RosTimes.Seconds(n.At).ToString("0.000", CultureInfo.InvariantCulture)}] {n.Kind.ToString().ToLowerInvariant()}: {n.Message}"));
        var started = await OnLoopAsync(loopThread, () =>
        {
            loop.Start();
            return clock.Now;
        });

        using var reset = options.Episodes is null ? null : node.CreatePublisher<Empty>(d.Topics.SimReset.Name, d.Topics.SimReset.Qos);
        var recordReset = taps?.Output<Empty>(d.Topics.SimReset, _ => null);
        using var runner = options.Episodes is { } count
            ? new EpisodeRunner(count, loop, Metrics(node, loopThread, taps),
                () =>
                {
                    var message = new Empty();
                    reset!.Publish(message);
                    recordReset?.Invoke(message);
                },
                clock, TimeSpan.FromSeconds(5))
            {
                EpisodeStarted = (episode, at) => recorder?.Metadata("episode_start", EpisodeRecords.Start(episode, at)),
                EpisodeEnded = (result, from, to) => recorder?.Metadata("episode", EpisodeRecords.End(result, from, to)),
            }
            : null;
        if (runner is not null)
        {
            await OnLoopAsync(loopThread, () =>
            {
                runner.Start();
                return 0;
            });
        }

        await MonitorAsync(loop, runner, loopThread, clock, started, options, cancellationToken);
        var ended = await OnLoopAsync(loopThread, () =>
        {
            loop.Stop();
            return clock.Now;
        });
        // The last (safe) command must reach the robot before the node goes.
        outputs.CommandPublisher.WaitForAcknowledgments(TimeSpan.FromSeconds(1));
        if (options.LiveStatus)
        {
            output.WriteLine();
        }

        if (runner?.Completion.IsFaulted == true)
        {
            output.WriteLine($"error: {runner.Completion.Exception!.InnerException!.Message}");
        }

        var statistics = loop.Statistics;
        var episodes = runner?.Results ?? [];
        runner?.Dispose();
        RecorderStatistics? recording = null;
        if (recorder is not null)
        {
            recorder.Metadata("run_end", new Dictionary<string, string>
            {
                ["duration_s"] = (ended - started).TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
                ["commands"] = statistics.Commands.ToString(CultureInfo.InvariantCulture),
                ["trips"] = string.Join(",", loop.TripHistory.Select(t => t.Rule)),
                ["refusal"] = loop.Refusal ?? "",
            });
            recorder.Dispose();
            recording = recorder.Statistics;
            if (recorder.Failure is { } failure)
            {
                output.WriteLine($"warning: the recording {recorder.Path} stopped early: {failure.Message}");
            }

            if (statistics.Commands == 0 && loop.Refusal is not null)
            {
                // Refused before commanding anything: nothing ran, so nothing is left behind.
                File.Delete(recorder.Path);
                recording = null;
            }
        }

        return new DeploymentSummary
        {
            Deployment = d.Name,
            Statistics = statistics,
            DurationS = (ended - started).TotalSeconds,
            Trips = [.. loop.TripHistory],
            Episodes = episodes,
            Refusal = loop.Refusal ?? (runner?.Completion.IsFaulted == true ? runner.Completion.Exception!.InnerException!.Message : null),
            ExpectTrip = options.ExpectTrip,
            Recording = recording,
        };
    }

    private IObservable<TaskMetrics> Metrics(RosNode node, IScheduler loopThread, RecordingTaps? taps)
    {
        var topic = Plan.Description.Topics.TaskMetrics;
        var source = node.CreateSubscription<TaskMetrics>(topic.Name, topic.Qos).ObserveOn(loopThread);
        return taps is null ? source : taps.Input(source, topic, m => m.Header.Stamp);
    }

    public void Dispose() => _policy.Dispose();

    /// <summary>What a log needs to explain the run afterwards: the launch file, robot.yaml, the policy's manifest, the commit and host.</summary>
    private void Describe(DeploymentRecorder recorder, DeploymentRunOptions options)
    {
        var d = Plan.Description;
        var now = DateTimeOffset.UtcNow;
        recorder.Metadata("deployment", new Dictionary<string, string>
        {
            ["name"] = d.Name,
            ["launch_file"] = d.Source,
            ["policy"] = _policy.Path,
            // Lets replay policy tell that a file holds the very bytes this run deployed.
            [Mcap.Deployment.DeploymentLogMetadata.PolicySha256] = Mcap.Deployment.DeploymentLogMetadata.PolicySha256Of(_policy.Path),
            ["robot"] = d.Robot.Name,
            ["robot_source"] = d.Robot.Source,
            ["clock"] = d.Clock == ClockSource.Sim ? "sim" : "wall",
            ["control_period_s"] = d.ControlPeriodS.ToString("R", CultureInfo.InvariantCulture),
            ["action_repeat"] = d.ActionRepeat.ToString(CultureInfo.InvariantCulture),
            ["node"] = d.Node.Namespace == "/" ? "/" + d.Node.Name : $"{d.Node.Namespace}/{d.Node.Name}",
            ["git_commit"] = options.GitCommit ?? "",
            ["host"] = Environment.MachineName,
            ["command_line"] = options.CommandLine ?? "",
            ["started_utc"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["simulator_task"] = d.Simulator?.Task ?? "",
            ["simulator_world"] = d.Simulator?.World ?? "",
            ["simulator_seed"] = d.Simulator is { } sim ? sim.Seed.ToString(CultureInfo.InvariantCulture) : "",
        });
        recorder.Attach(Path.GetFileName(d.Source), "application/yaml", File.ReadAllBytes(d.Source), now);
        if (File.Exists(d.Robot.Source))
        {
            recorder.Attach("robot.yaml", "application/yaml", File.ReadAllBytes(d.Robot.Source), now);
        }

        recorder.Attach("policy_info.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes(Robotics.Policies.PolicyManifestText.Describe(_policy.Manifest, _policy.Path)), now);
    }

    private static async Task MonitorAsync(PolicyLoop loop, EpisodeRunner? runner, IScheduler loopThread, IScheduler clock, DateTimeOffset started, DeploymentRunOptions options, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var lastStatus = TimeSpan.Zero;
        var lastCommands = 0L;
        var statusEvery = options.LiveStatus ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Poll, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            // The clock belongs to the loop's thread (sim time advances there): read it there.
            var elapsed = await OnLoopAsync(loopThread, () => clock.Now) - started;
            if (loop.State is LoopState.Refused or LoopState.Stopped
                || (options.Duration is { } duration && elapsed >= duration)
                || runner?.Completion.IsCompleted == true)
            {
                break;
            }

            if (wall.Elapsed - lastStatus >= statusEvery)
            {
                var stats = loop.Statistics;
                var rate = (stats.Commands - lastCommands) / (wall.Elapsed - lastStatus).TotalSeconds;
                lastCommands = stats.Commands;
                lastStatus = wall.Elapsed;
                var episodes = runner is null ? "" : Episodes(runner, options.Episodes!.Value);
                var line = SummaryText.Status(elapsed.TotalSeconds, rate, stats, episodes);
                options.Output.Write(options.LiveStatus ? "\r\u001b[K" + line : line + "\n");
            }
        }
    }

    private static string Episodes(EpisodeRunner runner, int total)
    {
        var done = runner.Results;
        var (current, step) = runner.Current;
        return string.Create(CultureInfo.InvariantCulture,
            $" | episode {done.Count + (current is null ? 0 : 1)}/{total}{(current is null ? "" : $" step {step}")} success {done.Count(e => e.Success)}/{done.Count}");
    }

    private void WarmUp(ThreadedInference inference)
    {
        // The first inference pays for JIT and the network's first allocations: never on the robot's time.
        var layout = Plan.Loop.Layout;
        var camera = Plan.Loop.Camera;
        var frame = camera is null ? null : Core.Imaging.Image.Blank(camera.Width, camera.Height, Core.Imaging.PixelFormat.Rgb);
        var result = inference.RunNow(new InferenceRequest(-1, new float[layout.Size], frame, Restart: true));
        if (result.Error is { } error)
        {
            throw new InvalidConfigException(Plan.Loop.Policy, "policy", $"the warm-up inference failed: {error.Message}");
        }
    }

    private static Task<T> OnLoopAsync<T>(IScheduler loop, Func<T> action)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Schedule(() =>
        {
            try
            {
                done.SetResult(action());
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidConfigException)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        while (!condition())
        {
            if (wall.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return true;
    }
}
