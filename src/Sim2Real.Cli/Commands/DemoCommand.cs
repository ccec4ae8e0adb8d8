using System.CommandLine;
using Sim2Real.Cli.Demo;

namespace Sim2Real.Cli.Commands;

/// <summary>
/// The main job: a tour of the stack on this machine, run as the same verbs a user would type, in process, each
/// echoed first so that any step can be repeated by hand. Stops at the first failing step with its exit code.
/// </summary>
internal static class DemoCommand
{
    private const string SampleBoards = "/usr/share/doc/opencv-doc/examples/data/left??.jpg";

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for everything the demo writes", DefaultValueFactory = _ => "runs/demo" };
        var frames = new Option<long>("--train-frames") { Description = "Environment frames for the short training run", DefaultValueFactory = _ => 6_000 };
        var command = new Command("demo", "Run the main job: check the engines, simulate and render the robots, calibrate a camera, train a policy briefly, deploy the shipped policy on the simulated arm over ROS 2 with a fault and the e-stop, then read the log back and replay it.");
        command.Options.Add(output);
        command.Options.Add(frames);
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(frames)));
        return command;
    }

    private static int Run(string dir, long trainFrames)
    {
        Directory.CreateDirectory(dir);

        // Deployment logs and the gap report are never overwritten by the verbs that write them; the demo owns its
        // folder, so a rerun starts these from scratch.
        foreach (var previous in new[] { "deploy_nominal.mcap", "deploy_real_like.mcap", "deploy_nominal.json" })
        {
            File.Delete(Path.Combine(dir, previous));
        }

        if (Directory.Exists(Path.Combine(dir, "gap")))
        {
            Directory.Delete(Path.Combine(dir, "gap"), recursive: true);
        }
        var obs = Path.Combine(dir, "obs.safetensors");
        var actions = Path.Combine(dir, "actions.safetensors");
        foreach (var (title, args) in Steps(dir, trainFrames))
        {
            if (title.Length > 0)
            {
                Console.WriteLine();
                Console.WriteLine($"== {title}");
            }

            if (args[0] == "agent")
            {
                DemoObservations.Write(obs, "arm6", "reach", [90_001, 90_002, 90_003, 90_004]);
            }

            Console.WriteLine($"$ ./sim2real {string.Join(' ', args.Select(Quote))}");
            var code = Invoke(args);
            if (code != 0)
            {
                Console.Error.WriteLine($"demo: step failed with exit code {code}: ./sim2real {string.Join(' ', args)}");
                return code;
            }
        }

        var published = Publish(DemoObservations.FirstActionYaml(actions));
        if (published != 0)
        {
            return published;
        }

        foreach (var (title, args) in DeploySteps(dir))
        {
            var code = RunStep(title, args);
            if (code != 0)
            {
                return code;
            }
        }

        var stopped = EStop();
        if (stopped != 0)
        {
            return stopped;
        }

        foreach (var (title, args) in ReplaySteps(dir))
        {
            var code = RunStep(title, args);
            if (code != 0)
            {
                return code;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"demo: done; outputs under {dir}");
        return 0;
    }

    /// <summary>The verbs the demo runs, in order, each with the heading printed before it (empty: same heading).</summary>
    internal static IReadOnlyList<(string Title, string[] Args)> Steps(string dir, long trainFrames)
    {
        var train = Path.Combine(dir, "train");
        var frames = trainFrames.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            ("native engines", ["doctor"]),
            ("load every robot, drive it with random controls for 1 s, fail on any MuJoCo warning", ["sim", "check", "robots/arm6"]),
            ("", ["sim", "check", "robots/quad12"]),
            ("render the arm's scene camera headless, at training size and for people", ["sim", "render", "--robot", "arm6", "--size", "84", "--out", Path.Combine(dir, "arm6_84.png")]),
            ("", ["sim", "render", "--robot", "quad12", "--size", "480", "--quality", "high", "--out", Path.Combine(dir, "quad12.png")]),
            ("play a randomized episode with a random policy and record it", ["sim", "play", "--robot", "arm6", "--task", "reach", "--randomize", "--episodes", "1", "--out", Path.Combine(dir, "play")]),
            ("calibrate a camera from OpenCV's sample chessboards into ROS camera_info YAML", ["calibrate", "intrinsics", "--images", SampleBoards, "--board", "9x6", "--square", "0.025", "--out", Path.Combine(dir, "left.yaml")]),
            ("train DrQ-v2 briefly on the arm reach task from states, with domain randomization", ["train", "--robot", "arm6", "--task", "reach", "--obs", "state", "--frames", frames, "--eval-every", frames, "--eval-episodes", "5", "--run-dir", train, "--overwrite"]),
            ("the self-describing policy file training wrote: robot, joints, timing, observation layout, provenance", ["policy", "info", Path.Combine(train, "checkpoints", "policy.safetensors")]),
            ("act with the trained policy on fresh simulator observations (held-out seeds)", ["agent", "act", "--checkpoint", Path.Combine(train, "checkpoints", "policy.safetensors"), "--obs", Path.Combine(dir, "obs.safetensors"), "--out", Path.Combine(dir, "actions.safetensors")]),
        ];
    }

    /// <summary>
    /// The shipped policy deployed on the simulated arm: `launch` starts `sim serve` in its own process and deploys
    /// over ROS 2 (sim time), once per world so that the gap report has both sides, then with an injected fault.
    /// </summary>
    internal static IReadOnlyList<(string Title, string[] Args)> DeploySteps(string dir) =>
    [
        ("deploy the shipped policy on the simulated arm over ROS 2 (sim serve in its own process), scored and recorded",
            ["launch", "launch/arm6_reach_sim.yaml", "--episodes", "5", "--record-to", Path.Combine(dir, "deploy_nominal.mcap"), "--summary-json", Path.Combine(dir, "deploy_nominal.json")]),
        ("the same policy on the real-like world (heavier, weaker, later than any training world)",
            ["launch", "launch/arm6_reach_real_like_sim.yaml", "--episodes", "5", "--record-to", Path.Combine(dir, "deploy_real_like.mcap")]),
        ("inject a fault: sim serve stops publishing joint_states; the watchdog holds position within one control period",
            ["launch", "launch/arm6_reach_sim.yaml", "--duration", "3", "--fault", "stop_joint_states,at=1.5,duration=1", "--expect-trip", "joint_states_stale", "--no-record"]),
    ];

    /// <summary>The deployment log read back and replayed: through the policy, in simulation, and the gap report.</summary>
    internal static IReadOnlyList<(string Title, string[] Args)> ReplaySteps(string dir) =>
    [
        ("the deployment log, as `ros2 bag info` shows a bag", ["log", "info", Path.Combine(dir, "deploy_nominal.mcap")]),
        ("replay the logged observations through the policy: every action bit-identical to the one deployed", ["replay", "policy", Path.Combine(dir, "deploy_nominal.mcap")]),
        ("replay the logged commands open-loop in the nominal simulator: the divergence from the log", ["replay", "sim", Path.Combine(dir, "deploy_nominal.mcap"), "--episode", "0"]),
        ("the sim-vs-real gap report: nominal against real-like, RMSE over time and command-to-motion latency",
            ["replay", "gap", Path.Combine(dir, "deploy_nominal.mcap"), Path.Combine(dir, "deploy_real_like.mcap"), "--episode", "0", "--out", Path.Combine(dir, "gap")]),
    ];

    /// <summary>The e-stop, from outside: a wall-clock deployment, /e_stop raised, lowered, then reset.</summary>
    internal static (string[] Deploy, (double AtS, string[] Args)[] Operator) EStopSteps() => (
        ["launch", "launch/arm6_reach_wall.yaml", "--duration", "8", "--expect-trip", "e_stop", "--no-record"],
        [
            (2.5, ["topic", "pub", "/e_stop", "std_msgs/msg/Bool", "{data: true}", "--rate", "10", "--count", "3"]),
            (4.0, ["topic", "pub", "/e_stop", "std_msgs/msg/Bool", "{data: false}", "--rate", "10", "--count", "3"]),
            (5.0, ["topic", "pub", "/e_stop_reset", "std_msgs/msg/Empty", "{}", "--rate", "10", "--count", "3"]),
        ]);

    /// <summary>
    /// Runs the e-stop step: the operator's publishes happen on the wall clock while the deployment runs, as a person
    /// at the robot would press and release the button; the deployment must latch until the reset, then resume.
    /// </summary>
    private static int EStop()
    {
        Console.WriteLine();
        Console.WriteLine("== press the e-stop: the runtime latches the safe action until /e_stop_reset, then resumes");
        var (deploy, presses) = EStopSteps();
        Console.WriteLine($"$ ./sim2real {string.Join(' ', deploy.Select(Quote))} &");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var running = Task.Run(() => Invoke(deploy));
        foreach (var (at, args) in presses)
        {
            var wait = TimeSpan.FromSeconds(at) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            Console.WriteLine($"$ ./sim2real {string.Join(' ', args.Select(Quote))}   # at {at:0.0} s");
            var code = Invoke(args);
            if (code != 0)
            {
                return code;
            }
        }

        return running.GetAwaiter().GetResult();
    }

    private static int RunStep(string title, string[] args)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        Console.WriteLine($"$ ./sim2real {string.Join(' ', args.Select(Quote))}");
        var code = Invoke(args);
        if (code != 0)
        {
            Console.Error.WriteLine($"demo: step failed with exit code {code}: ./sim2real {string.Join(' ', args)}");
        }

        return code;
    }

    /// <summary>The publisher and the echo of the ROS 2 step, for the action given as Float64MultiArray YAML.</summary>
    internal static (string[] Publish, string[] Echo) RosSteps(string actionYaml)
    {
        const string topic = "/sim2real_demo/policy_action";
        return (
            ["topic", "pub", topic, "std_msgs/msg/Float64MultiArray", actionYaml, "--qos-profile", "latched", "--rate", "5", "--count", "5"],
            ["topic", "echo", topic, "--type", "std_msgs/msg/Float64MultiArray", "--qos-durability", "transient_local", "--count", "1"]);
    }

    /// <summary>
    /// Sends the policy's first action over ROS 2 the way a robot controller would receive it: a latched
    /// Float64MultiArray on a loopback-only domain, read back by an echo in the same run.
    /// </summary>
    private static int Publish(string actionYaml)
    {
        Console.WriteLine();
        Console.WriteLine("== publish the action on ROS 2 (Cyclone DDS, loopback) and read it back like `ros2 topic echo`");
        var (pub, echo) = RosSteps(actionYaml);
        Console.WriteLine($"$ ./sim2real {string.Join(' ', pub.Select(Quote))} &");
        var publisher = Task.Run(() => Invoke(pub));
        Console.WriteLine($"$ ./sim2real {string.Join(' ', echo)}");
        var echoed = Invoke(echo);
        var sent = publisher.GetAwaiter().GetResult();
        return echoed != 0 ? echoed : sent;
    }

    private static int Invoke(string[] args) => CommandTable.Root(excluding: "demo").Parse(args).Invoke();

    private static string Quote(string arg) => arg.IndexOfAny(['*', '?', ' ', '{']) >= 0 ? $"'{arg}'" : arg;
}
