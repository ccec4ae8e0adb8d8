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
        var command = new Command("demo", "Run the main job: check the engines, simulate and render the robots, calibrate a camera, talk ROS 2, train a policy briefly and act with it.");
        command.Options.Add(output);
        command.Options.Add(frames);
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(frames)));
        return command;
    }

    private static int Run(string dir, long trainFrames)
    {
        Directory.CreateDirectory(dir);
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
            ("train DrQ-v2 briefly on the arm reach task from states, with domain randomization", ["train", "--robot", "arm6", "--task", "reach", "--obs", "state", "--frames", frames, "--eval-every", frames, "--eval-episodes", "5", "--run-dir", train]),
            ("the self-describing policy file training wrote: robot, joints, timing, observation layout, provenance", ["policy", "info", Path.Combine(train, "checkpoints", "policy.safetensors")]),
            ("act with the trained policy on fresh simulator observations (held-out seeds)", ["agent", "act", "--checkpoint", Path.Combine(train, "checkpoints", "policy.safetensors"), "--obs", Path.Combine(dir, "obs.safetensors"), "--out", Path.Combine(dir, "actions.safetensors")]),
        ];
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
