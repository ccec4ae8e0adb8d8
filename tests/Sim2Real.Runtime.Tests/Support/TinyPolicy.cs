using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>
/// A real policy file from a fresh, untrained DrQ-v2 state agent (small networks), for tests that need the whole
/// load path: the manifest says which robot, joints, timing and observation it is for, as a trained one does.
/// </summary>
internal static class TinyPolicy
{
    public static string Write(string directory, RobotSpec robot, IReadOnlyList<ObservationField> layout, int? actionRepeat = null, double? controlPeriodS = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, PolicyFile.FileName);
        var observation = ObservationLayout.Create(layout, robot.Joints.Count);
        var manifest = new PolicyManifest
        {
            Robot = PolicyRobot.From(robot),
            Timing = new PolicyTiming { ControlPeriodS = controlPeriodS ?? robot.Control.PeriodS, ActionRepeat = actionRepeat ?? robot.Control.ActionRepeat },
            Observation = PolicyObservation.From(observation, camera: null),
            ActionSize = robot.Joints.Count,
            Agent = new PolicyAgent
            {
                Kind = "drqv2",
                ObsShape = [observation.Size],
                FeatureDim = 16,
                HiddenDim = 16,
                Networks = [new PolicyNetwork("encoder", "encoder.", "observation encoder"), new PolicyNetwork("actor", "actor.", "actor (mean action)")],
            },
        };
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 16, HiddenDim = 16 }, [observation.Size], robot.Joints.Count);
        PolicyFile.Save(path, manifest, agent);
        return path;
    }

    /// <summary>The same from pixels: DrQ-v2's conv encoder over <paramref name="camera"/>'s stacked frames.</summary>
    public static string WritePixels(string directory, RobotSpec robot, IReadOnlyList<ObservationField> layout, PolicyCamera camera)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, PolicyFile.FileName);
        var observation = ObservationLayout.Create(layout, robot.Joints.Count);
        long[] shape = [3 * camera.FrameStack, camera.OutputHeight, camera.OutputWidth];
        var manifest = new PolicyManifest
        {
            Robot = PolicyRobot.From(robot),
            Timing = new PolicyTiming { ControlPeriodS = robot.Control.PeriodS, ActionRepeat = robot.Control.ActionRepeat },
            Observation = PolicyObservation.From(observation, camera),
            ActionSize = robot.Joints.Count,
            Agent = new PolicyAgent
            {
                Kind = "drqv2",
                ObsShape = [.. shape],
                FeatureDim = 16,
                HiddenDim = 16,
                Networks = [new PolicyNetwork("encoder", "encoder.", "observation encoder"), new PolicyNetwork("actor", "actor.", "actor (mean action)")],
            },
        };
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 16, HiddenDim = 16 }, shape, robot.Joints.Count);
        PolicyFile.Save(path, manifest, agent);
        return path;
    }
}
