using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Policies;
using Sim2Real.Sim.Environments;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Training;

/// <summary>The manifest of a DrQ-v2 policy trained in an environment: what <see cref="PolicyFile"/> stores beside the weights.</summary>
public static class TrainedPolicy
{
    public static PolicyManifest Manifest(IEnvironment env, int actionRepeat, DrQV2Agent agent, FramePreprocessorOptions? frames, PolicyProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(agent);
        return new()
        {
            Robot = PolicyRobot.From(env.Robot.Spec),
            Timing = new PolicyTiming { ControlPeriodS = env.Robot.Control.PeriodS, ActionRepeat = actionRepeat },
            Observation = PolicyObservation.From(env.Layout, frames?.ToPolicyCamera(env.Camera!)),
            ActionSize = env.ActionSpec.Size,
            Agent = new PolicyAgent
            {
                Kind = "drqv2",
                ObsShape = agent.ObsShape,
                FeatureDim = agent.Config.FeatureDim,
                HiddenDim = agent.Config.HiddenDim,
                Networks = [new PolicyNetwork("encoder", "encoder.", "observation encoder"), new PolicyNetwork("actor", "actor.", "actor (mean action)")],
            },
            Training = provenance,
        };
    }

    /// <summary>Provenance of a training run's policy at <paramref name="frame"/>.</summary>
    internal static PolicyProvenance Provenance(TrainOptions options, long frame, EvalResult eval) => new()
    {
        Command = options.CommandLine,
        Frames = frame,
        Seed = options.Seed,
        GitCommit = GitCommit.Find(options.RunDirectory) ?? "",
        RunDirectory = Path.GetFullPath(options.RunDirectory),
        Host = Environment.MachineName,
        CreatedUtc = DateTimeOffset.UtcNow,
        EvalSuccess = double.IsFinite(eval.SuccessRate) ? Math.Round(eval.SuccessRate, 6) : null,
    };
}
