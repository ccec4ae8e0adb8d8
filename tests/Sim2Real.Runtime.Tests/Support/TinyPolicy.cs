using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>
/// A real policy file from a fresh, untrained DrQ-v2 agent (small networks), for tests that need the whole load
/// path: the manifest says which robot, joints, timing and observation it is for, as a trained one does.
/// </summary>
internal static class TinyPolicy
{
    /// <summary>A state policy over <paramref name="layout"/>.</summary>
    public static string Write(string directory, RobotSpec robot, IReadOnlyList<ObservationField> layout, int? actionRepeat = null, double? controlPeriodS = null)
    {
        var observation = ObservationLayout.Create(layout, robot.Joints.Count);
        return Save(directory, robot, observation, camera: null, [observation.Size], actionRepeat, controlPeriodS);
    }

    /// <summary>The same from pixels: DrQ-v2's conv encoder over <paramref name="camera"/>'s stacked frames.</summary>
    public static string WritePixels(string directory, RobotSpec robot, IReadOnlyList<ObservationField> layout, PolicyCamera camera) =>
        Save(directory, robot, ObservationLayout.Create(layout, robot.Joints.Count), camera, [3 * camera.FrameStack, camera.OutputHeight, camera.OutputWidth], null, null);

    private static string Save(string directory, RobotSpec robot, ObservationLayout observation, PolicyCamera? camera, long[] obsShape, int? actionRepeat, double? controlPeriodS)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, PolicyFile.FileName);
        var manifest = new PolicyManifest
        {
            Robot = PolicyRobot.From(robot),
            Timing = new PolicyTiming { ControlPeriodS = controlPeriodS ?? robot.Control.PeriodS, ActionRepeat = actionRepeat ?? robot.Control.ActionRepeat },
            Observation = PolicyObservation.From(observation, camera),
            ActionSize = robot.Joints.Count,
            Agent = new PolicyAgent
            {
                Kind = "drqv2",
                ObsShape = obsShape,
                FeatureDim = 16,
                HiddenDim = 16,
                Networks = [new PolicyNetwork("encoder", "encoder.", "observation encoder"), new PolicyNetwork("actor", "actor.", "actor (mean action)")],
            },
        };
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 16, HiddenDim = 16 }, obsShape, robot.Joints.Count);
        PolicyFile.Save(path, manifest, agent);
        return path;
    }
}
