using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Policies;
using Sim2Real.Sim.Playback;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Training;

/// <summary>A loaded policy driving simulated episodes (sim play, the demo): checked against the robot, fed through its frame pipeline.</summary>
public static class PolicyPlayback
{
    /// <summary>
    /// Checks that <paramref name="policy"/> fits <paramref name="robot"/> at <paramref name="actionRepeat"/> and
    /// returns the warnings (a changed robot file hash) for the caller to print.
    /// </summary>
    /// <exception cref="PolicyMismatchException">Names the first mismatch.</exception>
    public static IReadOnlyList<string> Check(LoadedPolicy policy, Sim.Environments.IEnvironment environment, int actionRepeat)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(environment);
        var warnings = PolicyCompatibility.Check(policy.Manifest, environment.Robot.Spec, policy.Path, actionRepeat);
        PolicyCompatibility.CheckLayout(policy.Manifest, environment.Layout, policy.Path, $"task layout of {environment.Robot.Name}");
        return warnings;
    }

    /// <summary>The frame pipeline the policy was trained with, or null for a state policy.</summary>
    public static FramePreprocessorOptions? Frames(LoadedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Manifest.Observation.Camera?.ToPreprocessorOptions(null, policy.Path);
    }

    /// <summary>An action chooser for <see cref="EpisodePlayer"/>: resets the policy and the frame stack at each episode start.</summary>
    public static ChooseAction Drive(IPolicy policy, FramePreprocessorOptions? frames)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var observations = new ObservationPipeline(frames);
        return (step, action) =>
        {
            if (step.IsFirst)
            {
                policy.Reset();
            }

            policy.Act(observations.Observe(step), action);
        };
    }
}
