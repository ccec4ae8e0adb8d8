using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Sim.Benchmarks;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Robots;
using Sim2Real.Training;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary><c>sim envbench</c>: agent steps per second of a vector of environments, with or without pixels and randomization.</summary>
internal static class SimEnvBenchCommand
{
    public static Command Create()
    {
        var robot = new Option<string>("--robot") { Description = "robot folder name under robots/", DefaultValueFactory = _ => "arm6" };
        var task = new Option<string>("--task") { Description = "task name", DefaultValueFactory = _ => "reach" };
        var pixels = new Option<bool>("--pixels") { Description = "render the camera and run the training frame pipeline (resize to --size, stack --frame-stack)" };
        var randomize = new Option<bool>("--randomize") { Description = "domain randomization on" };
        var envs = new Option<int>("--envs") { Description = $"environments in the vector, at most {FlagBounds.MaxEnvironments} (each holds its own model and data)", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "worker threads", DefaultValueFactory = _ => 1 };
        var steps = new Option<int>("--steps") { Description = "agent steps per environment", DefaultValueFactory = _ => 500 };
        var repeat = new Option<int>("--action-repeat") { Description = "control steps per agent step", DefaultValueFactory = _ => 2 };
        var size = new Option<int>("--size") { Description = "pixel observation side after the frame pipeline", DefaultValueFactory = _ => 84 };
        var stack = new Option<int>("--frame-stack") { Description = "frames per pixel observation", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "end with one JSON line (agent_steps_per_second, ...)" };
        var command = new Command("envbench", "Measure full environment steps/s (physics, task, randomization, rendering) of N environments on K threads.")
        {
            robot, task, pixels, randomize, envs, threads, steps, repeat, size, stack, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var envCount = FlagBounds.Environments(parse.GetValue(envs));
            var threadCount = FlagBounds.Threads(parse.GetValue(threads));
            var options = new EnvironmentOptions
            {
                Robot = parse.GetValue(robot)!,
                Task = parse.GetValue(task)!,
                Pixels = parse.GetValue(pixels),
                Randomize = parse.GetValue(randomize),
                ActionRepeat = parse.GetValue(repeat),
            };
            OptionFlags.Check(options.Validate, "environment options", new Dictionary<string, string> { ["action_repeat"] = "--action-repeat" });
            // The frame pipeline runs outside the simulator, as in training: one per environment, inside the timing.
            ObservationPipeline[]? pipelines = null;
            if (options.Pixels)
            {
                var train = new TrainOptions { ImageSize = parse.GetValue(size), FrameStack = parse.GetValue(stack) };
                var robotSpec = RobotCatalog.Discover().Load(options.Robot);
                var frames = OptionFlags.Check(() => train.FramePipeline(robotSpec.Spec.DefaultCamera("--pixels")), "train options",
                    new Dictionary<string, string> { ["output_width/output_height"] = "--size", ["frame_stack"] = "--frame-stack" });
                pipelines = Enumerable.Range(0, envCount).Select(_ => new ObservationPipeline(frames)).ToArray();
            }

            var stepCount = FlagBounds.Count(parse.GetValue(steps), "--steps", 10_000_000, "a bench of hours at most");
            var result = LiveProgress.Status(output, $"stepping {envCount} {options.Robot}/{options.Task} environment(s) x {stepCount} agent steps on {threadCount} thread(s)", _ =>
                EnvironmentBenchmark.Run(options, envCount, threadCount, stepCount,
                    observe: pipelines is null ? null : (i, step) => pipelines[i].Observe(step), frameStack: pipelines is null ? 0 : parse.GetValue(stack)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Robot}/{result.Task} pixels={result.Pixels} randomize={result.Randomize} repeat={result.ActionRepeat}: {result.Environments} env(s) x {result.AgentSteps / result.Environments} steps on {result.Threads} thread(s) in {result.Seconds:F2} s = {result.AgentStepsPerSecond:F0} agent steps/s ({result.ControlStepsPerSecond:F0} control steps/s); CPU {result.CpuSeconds:F2} s = {result.AgentStepsPerCpuSecond:F0} agent steps per CPU-second"));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, SimJson.Options));
            }

            return 0;
        });
        return command;
    }
}
