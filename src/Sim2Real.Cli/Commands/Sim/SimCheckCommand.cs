using System.CommandLine;
using System.Globalization;
using Sim2Real.Sim.Bindings;
using Sim2Real.Core;
using Sim2Real.Sim.Checks;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary><c>sim check</c>: load a model and drive it with random controls; exit 1 on any MuJoCo warning.</summary>
internal static class SimCheckCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "robot folder (with scene.xml), MJCF file, or robot name" };
        var seconds = new Option<double>("--seconds") { Description = "simulated time to drive the model", DefaultValueFactory = _ => 1.0 };
        var seed = new Option<int>("--seed") { Description = "seed of the random controls", DefaultValueFactory = _ => 0 };
        var command = new Command("check", "Load a model, drive it with random controls within ctrlrange for 1 s of simulated time, report warnings; exit 1 on any.")
        {
            target, seconds, seed,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var duration = parse.GetValue(seconds);
            if (!(duration > 0) || double.IsInfinity(duration))
            {
                throw new InvalidConfigException("command line", "--seconds", $"must be a positive number of simulated seconds, got {duration}");
            }

            var path = RobotScenes.Resolve(parse.GetValue(target)!);

            // A robot is its robot.yaml as much as its scene: check both, and drive the scene as its policy would,
            // holding each control for one control period.
            var config = RobotScenes.ConfigOf(parse.GetValue(target)!);
            var robot = config is null ? null : RobotConfig.Load(config);
            if (robot is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{robot.Source}: ok ({robot.Spec.Joints.Count} joints, control every {robot.Spec.Control.PeriodS * 1000:0.##} ms)"));
            }

            using var model = MjModel.FromXmlFile(path);
            var timestep = model.opt.timestep;
            if (timestep > 0 && duration / timestep > ModelCheck.MaxSteps)
            {
                throw new InvalidConfigException("command line", "--seconds", string.Create(CultureInfo.InvariantCulture,
                    $"{duration} s is {Math.Ceiling(duration / timestep):0} steps of the model's {timestep} s; a check runs at most {ModelCheck.MaxSteps} ({ModelCheck.MaxSteps * timestep:0.###} s)"));
            }

            var result = ModelCheck.Run(model, duration, parse.GetValue(seed), robot?.PhysicsStepsPerControl ?? 1);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Model}: nq={model.nq} nv={model.nv} nu={model.nu}; {result.Steps} steps ({result.SimulatedSeconds:F3} s simulated) from {(result.StartKeyframe is null ? "the default pose" : $"keyframe '{result.StartKeyframe}'")} with random controls"));
            if (result.LoadWarning is not null)
            {
                output.WriteLine($"  warning while loading: {result.LoadWarning}");
            }

            foreach (var warning in result.Warnings)
            {
                output.WriteLine($"  warning: {warning}");
            }

            foreach (var message in result.Messages)
            {
                output.WriteLine($"  MuJoCo: {message}");
            }

            output.WriteLine(result.Passed ? "ok: no warnings" : "FAILED: MuJoCo raised warnings");
            return result.Passed ? 0 : CommandRunner.Failed;
        });
        return command;
    }
}
