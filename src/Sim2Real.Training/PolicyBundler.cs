using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Policies;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Training;

/// <summary>
/// Makes a policy file from a weights-only agent checkpoint (one written before policy files existed, or by the
/// PyTorch reference): the environment it is declared for supplies the robot, layout, timing and camera, and the
/// agent's sizes must fit them.
/// </summary>
public static class PolicyBundler
{
    /// <param name="imageSize">Side of the pixel agent's frames after the pipeline's resize.</param>
    /// <exception cref="PolicyMismatchException">The agent's input or action size does not fit the environment.</exception>
    public static PolicyManifest Bundle(string checkpoint, EnvironmentOptions environment, string output, string command)
    {
        ArgumentNullException.ThrowIfNull(environment);
        using var agent = AgentCheckpoint.Load(checkpoint);
        var pixels = agent.ObsShape.Length == 3;
        using var env = RobotEnvironments.Create(environment with { Pixels = pixels });
        var frames = pixels
            ? new TrainOptions { ImageSize = (int)agent.ObsShape[1], FrameStack = (int)agent.ObsShape[0] / 3 }.FramePipeline(env.Robot.Camera(env.Camera!))
            : null;
        long[] expected = pixels ? [3 * frames!.FrameStack, frames.OutputHeight, frames.OutputWidth] : [env.Layout.Size];
        if (!agent.ObsShape.SequenceEqual(expected))
        {
            throw new PolicyMismatchException($"{checkpoint}: the agent takes [{string.Join(", ", agent.ObsShape)}]; {environment.Robot}/{environment.Task} observes [{string.Join(", ", expected)}] ({env.Layout})");
        }

        if (agent.ActionDim != env.ActionSpec.Size)
        {
            throw new PolicyMismatchException($"{checkpoint}: the agent has {agent.ActionDim} actions; robot '{environment.Robot}' has {env.ActionSpec.Size} joints");
        }

        var manifest = TrainedPolicy.Manifest(env, environment.ActionRepeat, agent, frames, new PolicyProvenance
        {
            Command = command,
            GitCommit = GitCommit.Find() ?? "",
            Host = Environment.MachineName,
            CreatedUtc = DateTimeOffset.UtcNow,
        });
        PolicyFile.Save(output, manifest, agent);
        return manifest;
    }
}
