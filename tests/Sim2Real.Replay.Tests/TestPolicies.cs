using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;

namespace Sim2Real.Replay.Tests;

/// <summary>Small DrQ-v2 state policies for arm6's reach task, written as policy files (random weights, seeded).</summary>
internal static class TestPolicies
{
    public static ObservationLayout Layout { get; } = ObservationLayout.Create(ObservationLayouts.Reach, Repository.Arm6.Joints.Count);

    public static string Write(string path, ulong seed)
    {
        var robot = Repository.Arm6.Spec;
        Torch.ManualSeed(seed);
        using var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 16, HiddenDim = 32 }, [Layout.Size], robot.Joints.Count);
        PolicyFile.Save(path, new PolicyManifest
        {
            Robot = PolicyRobot.From(robot),
            Timing = new PolicyTiming { ControlPeriodS = robot.Control.PeriodS, ActionRepeat = robot.Control.ActionRepeat },
            Observation = PolicyObservation.From(Layout, camera: null),
            ActionSize = robot.Joints.Count,
            Agent = new PolicyAgent
            {
                Kind = "drqv2",
                ObsShape = [Layout.Size],
                FeatureDim = 16,
                HiddenDim = 32,
                Networks = [new PolicyNetwork("encoder", "encoder.", "observation encoder"), new PolicyNetwork("actor", "actor.", "actor (mean action)")],
            },
        }, agent);
        return path;
    }
}
