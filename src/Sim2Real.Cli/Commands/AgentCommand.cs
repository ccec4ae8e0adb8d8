using System.CommandLine;
using Sim2Real.Cli.Agent;

namespace Sim2Real.Cli.Commands;

/// <summary>./sim2real agent act|update|bench|replay-bench: the DrQ-v2 agent on stored checkpoints and batches.</summary>
internal static class AgentCommand
{
    public static Command Create()
    {
        var command = new Command("agent", "Use a DrQ-v2 agent checkpoint (safetensors): act on observations, update on a stored batch, benchmark.");
        command.Subcommands.Add(Act());
        command.Subcommands.Add(Update());
        command.Subcommands.Add(Bench());
        command.Subcommands.Add(AgentReplayBenchCommand.Create());
        return command;
    }

    private static Option<int> Threads() => new("--threads")
    {
        Description = "libtorch intra-op threads",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    private static Option<string> DeviceOption() => new("--device")
    {
        Description = "cpu, cuda or cuda:N",
        DefaultValueFactory = _ => "cpu",
    };

    private static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    private static Command Act()
    {
        var checkpoint = Required("--checkpoint", "agent checkpoint (.safetensors)");
        var obs = Required("--obs", "observations: tensor 'obs', uint8 [B,C,H,W] pixels or float [B,D] states");
        var output = Required("--out", "where to write tensor 'action' [B,A]");
        var threads = Threads();
        var device = DeviceOption();
        var command = new Command("act", "Write the deterministic (mean) actions for a batch of observations.") { checkpoint, obs, output, threads, device };
        command.SetAction(r => AgentRunner.Act(
            r.GetValue(checkpoint)!, r.GetValue(obs)!, r.GetValue(output)!, r.GetValue(threads), r.GetValue(device)!, Console.Out));
        return command;
    }

    private static Command Update()
    {
        var checkpoint = Required("--checkpoint", "agent checkpoint (.safetensors)");
        var batch = Required("--batch", "batch: obs, action, reward [B,1], discount [B,1], next_obs");
        var updates = new Option<int>("--updates") { Description = "number of updates", DefaultValueFactory = _ => 1 };
        var output = Required("--out", "where to write the updated checkpoint");
        var stddev = new Option<string>("--stddev")
        {
            Description = "exploration stddev: a number or a schedule such as linear(1.0,0.1,500000), read at --step",
            DefaultValueFactory = _ => "linear(1.0,0.1,500000)",
        };
        var step = new Option<long>("--step") { Description = "agent step at which the stddev schedule is read", DefaultValueFactory = _ => 0 };
        var noAugment = new Option<bool>("--no-augment") { Description = "skip the random-shift augmentation (with --stddev 0 the update is deterministic)" };
        var seed = new Option<ulong?>("--seed") { Description = "seed libtorch's generator first" };
        var withOptimizer = new Option<bool>("--with-optimizer") { Description = "also store the Adam state in --out" };
        var threads = Threads();
        var device = DeviceOption();
        var command = new Command("update", "Run K DrQ-v2 updates (critic, actor, target EMA) on a stored batch; print the losses of each.")
        {
            checkpoint, batch, updates, output, stddev, step, noAugment, seed, withOptimizer, threads, device,
        };
        command.SetAction(r => AgentRunner.Update(
            new UpdateRequest(
                r.GetValue(checkpoint)!, r.GetValue(batch)!, r.GetValue(updates), r.GetValue(output)!, r.GetValue(stddev)!,
                r.GetValue(step), !r.GetValue(noAugment), r.GetValue(seed), r.GetValue(withOptimizer)),
            r.GetValue(threads), r.GetValue(device)!, Console.Out));
        return command;
    }

    private static Command Bench()
    {
        var batchSize = new Option<int>("--batch-size") { Description = "batch size B of the update", DefaultValueFactory = _ => 256 };
        var updates = new Option<int>("--updates") { Description = "timed updates (after one warm-up)", DefaultValueFactory = _ => 5 };
        var acts = new Option<int>("--acts") { Description = "timed act calls at batch 1", DefaultValueFactory = _ => 200 };
        var saveInputs = new Option<string?>("--save-inputs") { Description = "write agent.safetensors and batch.safetensors here (for the reference's timing)" };
        var threads = Threads();
        var device = DeviceOption();
        var command = new Command("bench", "Time one DrQ-v2 pixel update (9x84x84, reference sizes) and act latency at batch 1.")
        {
            batchSize, updates, acts, saveInputs, threads, device,
        };
        command.SetAction(r => AgentRunner.Bench(
            r.GetValue(batchSize), r.GetValue(updates), r.GetValue(acts), r.GetValue(saveInputs), r.GetValue(threads), r.GetValue(device)!, Console.Out));
        return command;
    }
}
