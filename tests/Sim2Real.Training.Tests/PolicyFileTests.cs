using Sim2Real.Core;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Playback;

namespace Sim2Real.Training.Tests;

public sealed class PolicyFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-policy-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TrainOptions Tiny(string name) => new()
    {
        Robot = "arm6",
        Task = "reach",
        Frames = 400,
        Seed = 3,
        SeedFrames = 200,
        EvalEveryFrames = 200,
        EvalEpisodes = 2,
        ReplayCapacity = 5000,
        EvalVideo = false,
        CommandLine = "sim2real train --robot arm6 --task reach --frames 400",
        RunDirectory = Path.Combine(_dir, name),
        Agent = new DrQV2Config { FeatureDim = 8, HiddenDim = 16, BatchSize = 8, NumExplSteps = 100, LearningRate = 1e-3 },
    };

    [Fact]
    public void Training_writes_a_self_describing_policy_that_acts_exactly_as_the_trained_agent()
    {
        var options = Tiny("run");
        using var trainer = new Trainer(options, TextWriter.Null, resume: false);
        var last = trainer.Run();
        var path = Path.Combine(trainer.CheckpointDirectory, PolicyFile.FileName);

        using var loaded = PolicyFile.Load(path);
        var manifest = loaded.Manifest;
        Assert.Equal("arm6", manifest.Robot.Name);
        Assert.Equal(["shoulder_yaw", "shoulder_pitch", "elbow", "wrist_pitch", "wrist_roll", "wrist_yaw"], manifest.Robot.Joints.Select(j => j.Name));
        Assert.Equal(1.6, manifest.Robot.Joints[2].HomeRad);
        Assert.Equal((0.02, 2), (manifest.Timing.ControlPeriodS, manifest.Timing.ActionRepeat));
        Assert.Equal(["joint_pos", "joint_vel", "previous_action", "target", "end_effector", "target_minus_end_effector"], manifest.Observation.Fields.Select(f => f.Name));
        Assert.Null(manifest.Observation.Camera);
        Assert.Equal((8, 16), (manifest.Agent.FeatureDim, manifest.Agent.HiddenDim));
        Assert.Equal(400, manifest.Training!.Frames);
        Assert.Equal(options.CommandLine, manifest.Training.Command);
        Assert.Equal(last.SuccessRate, manifest.Training.EvalSuccess!.Value, 6);

        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", Randomize = true });
        using var borrowed = DrQV2Policy.Borrow(trainer.Agent, "live agent");
        var step = env.Reset(1);
        var fromFile = new float[6];
        var fromAgent = new float[6];
        for (var t = 0; t < 10; t++)
        {
            loaded.Policy.Act(step.Observation, fromFile);
            borrowed.Act(step.Observation, fromAgent);
            Assert.Equal(fromAgent, fromFile);
            step = env.Step(fromFile);
        }
    }

    [Fact]
    public void Sim_play_of_the_held_out_run_seed_replays_the_training_evaluation_episode_for_episode()
    {
        var options = Tiny("eval");
        using var trainer = new Trainer(options, TextWriter.Null, resume: false);
        trainer.Run();
        var evaluation = trainer.Evaluate(step: 0);

        using var policy = PolicyFile.Load(Path.Combine(trainer.CheckpointDirectory, PolicyFile.FileName));
        var environment = new EnvironmentOptions { Robot = "arm6", Task = "reach", Randomize = true };
        var played = EpisodePlayer.Play(environment, new PlayOptions { Episodes = options.EvalEpisodes, Seed = EpisodeSeeds.HeldOut(options.Seed) }, sink: null,
            PolicyPlayback.Drive(policy.Policy, frames: null));

        Assert.Equal(evaluation.MeanReturn, played.Average(e => e.Return), 9);
        Assert.Equal(evaluation.SuccessRate, played.Count(e => e.Success) / (double)played.Count);
    }

    [Fact]
    public void A_policy_file_with_misshaped_tensors_is_refused_naming_them()
    {
        var options = Tiny("shape");
        using (var trainer = new Trainer(options with { Frames = 200 }, TextWriter.Null, resume: false))
        {
            trainer.Run();
        }

        var path = Path.Combine(options.RunDirectory, "checkpoints", PolicyFile.FileName);
        var manifest = PolicyFile.ReadManifest(path);
        var lying = Path.Combine(_dir, "lying.safetensors");
        using (var file = Learning.Checkpoints.SafetensorsFile.Open(path))
        {
            var bigger = manifest with { Agent = manifest.Agent with { HiddenDim = 32 } };
            Learning.Checkpoints.SafetensorsWriter.Write(lying, file.Tensors, PolicyFile.Metadata(bigger));
        }

        var error = Assert.Throws<Learning.Checkpoints.CheckpointMismatchException>(() => PolicyFile.Load(lying).Dispose());

        Assert.Contains("lying.safetensors", error.Message, StringComparison.Ordinal);
        Assert.Contains("actor.policy.0.weight", error.Message, StringComparison.Ordinal);
    }
}
