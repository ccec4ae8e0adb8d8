using System.CommandLine;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Policies;
using Sim2Real.Sim.Environments;
using Sim2Real.Training;

namespace Sim2Real.Cli.Commands;

/// <summary>./sim2real policy info|bundle: the self-describing policy files that training writes and deployment runs.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var command = new Command("policy", "Policy files (policy.safetensors): show what one says about itself, or make one from a weights-only agent checkpoint.");
        command.Subcommands.Add(Info());
        command.Subcommands.Add(Bundle());
        return command;
    }

    private static Command Info()
    {
        var file = new Argument<string>("file") { Description = "a policy file (.safetensors)" };
        var json = new Option<bool>("--json") { Description = "print the manifest as one JSON object" };
        var command = new Command("info", "Print everything a policy file says about itself: robot, joints, timing, observation layout, camera pipeline, networks, provenance (like `ros2 interface show`).")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = Existing(parse.GetValue(file)!, path => $"{path}: no such policy file");
            var manifest = PolicyFile.ReadManifest(path);
            output.Write(parse.GetValue(json) ? manifest.ToJson() + "\n" : PolicyManifestText.Describe(manifest, path));
            return 0;
        });
        return command;
    }

    private static Command Bundle()
    {
        var checkpoint = new Option<string>("--checkpoint") { Description = "weights-only DrQ-v2 agent checkpoint (agent.safetensors)", Required = true };
        var robot = new Option<string>("--robot") { Description = "robot it was trained for", Required = true };
        var task = new Option<string>("--task") { Description = "task it was trained on (gives the observation layout)", Required = true };
        var repeat = new Option<int?>("--action-repeat") { Description = "action repeat it was trained with (default: the robot's)" };
        var camera = new Option<string?>("--camera") { Description = "camera of a pixel agent (default: the robot's first)" };
        var output = new Option<string>("--out") { Description = "policy file to write", Required = true };
        var command = new Command("bundle", "Make a policy file from a weights-only agent checkpoint, declaring the robot, task and timing it was trained for; its sizes must fit them.")
        {
            checkpoint, robot, task, repeat, camera, output,
        };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var robotName = parse.GetValue(robot)!;
            var spec = Sim2Real.Sim.Robots.RobotCatalog.Discover().Load(robotName);
            var environment = new EnvironmentOptions
            {
                Robot = robotName,
                Task = parse.GetValue(task)!,
                ActionRepeat = parse.GetValue(repeat) ?? spec.Control.ActionRepeat,
                Camera = parse.GetValue(camera),
            };
            OptionFlags.Check(environment.Validate, "environment options", new Dictionary<string, string> { ["action_repeat"] = "--action-repeat" });
            var path = parse.GetValue(output)!;
            PolicyBundler.Bundle(Existing(parse.GetValue(checkpoint)!, path => $"--checkpoint: no such file: {path}"), environment, path, "sim2real " + string.Join(' ', parse.Tokens.Select(t => t.Value)));
            writer.WriteLine($"wrote {path} ({robotName}/{environment.Task}, action repeat {environment.ActionRepeat}); `./sim2real policy info {path}` shows it");
            return 0;
        });
        return command;
    }

    /// <summary>.NET's "Could not find file" names the path but not what it was meant to be.</summary>
    private static string Existing(string path, Func<string, string> missing) =>
        File.Exists(path) || Directory.Exists(path) ? path : throw new FileNotFoundException(missing(path), path);
}
