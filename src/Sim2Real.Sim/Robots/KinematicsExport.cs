using Sim2Real.Core;
using Sim2Real.Robotics.Configuration;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Kinematics;
using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Robots;

/// <summary>
/// Exports a robot's kinematic chain from its compiled MJCF (kinematics.yaml), like a URDF written from the model:
/// the robot's own bodies (those of its model file) with their offsets and joint axes as MuJoCo compiled them,
/// their sites, and the cameras fixed to them or to the world of the first scene. The deployment side reads the
/// file without MuJoCo; a test keeps the committed file equal to a fresh export.
/// </summary>
public static class KinematicsExport
{
    private const int FreeJoint = 0;
    private const int SlideJoint = 2;
    private const int HingeJoint = 3;

    /// <summary>The chain of the robot in <paramref name="robotFolder"/>, compiled from its MJCF.</summary>
    /// <exception cref="InvalidConfigException">robot.yaml's sim sections are bad, or a joint type is unsupported.</exception>
    /// <exception cref="MjModelLoadException">The MJCF does not load.</exception>
    public static KinematicChain FromFolder(string robotFolder)
    {
        var yaml = Path.Combine(robotFolder, RobotConfig.FileName);
        var sim = YamlConfigReader.ReadFile<RobotConfig.SimSections>(yaml);
        sim.Validate(yaml, robotFolder);
        var name = sim.Name as string ?? throw new InvalidConfigException(yaml, "name", "the robot needs a name");
        using var robot = MjModel.FromXmlFile(Path.Combine(robotFolder, sim.Model!));
        using var scene = MjModel.FromXmlFile(Path.Combine(robotFolder, sim.Scenes!.First().Value));
        var own = Enumerable.Range(1, robot.nbody - 1).Select(b => robot.Name(MjtObj.mjOBJ_BODY, b) ?? "").ToHashSet(StringComparer.Ordinal);
        return Export(scene, own, name, sim.Model!, yaml);
    }

    /// <summary>Writes the chain as text, naming the command that regenerates it.</summary>
    public static string ToYaml(KinematicChain chain) =>
        KinematicChainFile.ToYaml(chain, $"kinematics of {chain.Robot}: `./sim2real sim export-kinematics --robot {chain.Robot}` writes this file");

    private static KinematicChain Export(MjModel model, HashSet<string> own, string robotName, string modelFile, string source)
    {
        var linkOf = new Dictionary<int, int>();
        var links = new List<KinematicLink>();
        for (var b = 1; b < model.nbody; b++)
        {
            var body = model.Name(MjtObj.mjOBJ_BODY, b) ?? "";
            if (!own.Contains(body))
            {
                continue;
            }

            var parentBody = model.body_parentid[b];
            var parent = parentBody == 0 ? -1
                : linkOf.TryGetValue(parentBody, out var p) ? p
                : throw new InvalidConfigException(source, "model", $"body '{body}' hangs from '{model.Name(MjtObj.mjOBJ_BODY, parentBody)}', which is not part of the robot");
            var joints = new List<KinematicJoint>();
            for (var j = model.body_jntadr[b]; j < model.body_jntadr[b] + model.body_jntnum[b]; j++)
            {
                var kind = model.jnt_type[j] switch
                {
                    FreeJoint => JointKind.Free,
                    SlideJoint => JointKind.Slide,
                    HingeJoint => JointKind.Hinge,
                    var other => throw new InvalidConfigException(source, "model", $"joint '{model.Name(MjtObj.mjOBJ_JOINT, j)}' has type {other} (ball); the kinematic chain supports free, hinge and slide joints"),
                };
                joints.Add(new KinematicJoint(
                    model.Name(MjtObj.mjOBJ_JOINT, j) ?? $"joint{j}",
                    kind,
                    Vec3.From(model.jnt_axis.Slice(3 * j, 3)),
                    Vec3.From(model.jnt_pos.Slice(3 * j, 3)),
                    kind == JointKind.Free ? 0 : model.qpos0[model.jnt_qposadr[j]]));
            }

            linkOf[b] = links.Count;
            links.Add(new KinematicLink(body, parent, new Pose(Vec3.From(model.body_pos.Slice(3 * b, 3)), Quat.From(model.body_quat.Slice(4 * b, 4))), joints));
        }

        var frames = new List<KinematicFrame>();
        for (var s = 0; s < model.nsite; s++)
        {
            if (linkOf.TryGetValue(model.site_bodyid[s], out var link) && model.Name(MjtObj.mjOBJ_SITE, s) is { } site)
            {
                frames.Add(new KinematicFrame(site, FrameKind.Site, link, new Pose(Vec3.From(model.site_pos.Slice(3 * s, 3)), Quat.From(model.site_quat.Slice(4 * s, 4)))));
            }
        }

        for (var c = 0; c < model.ncam; c++)
        {
            var body = model.cam_bodyid[c];
            if ((body == 0 || linkOf.ContainsKey(body)) && model.Name(MjtObj.mjOBJ_CAMERA, c) is { } camera)
            {
                frames.Add(new KinematicFrame(camera, FrameKind.Camera, body == 0 ? -1 : linkOf[body],
                    new Pose(Vec3.From(model.cam_pos.Slice(3 * c, 3)), Quat.From(model.cam_quat.Slice(4 * c, 4))), model.cam_fovy[c]));
            }
        }

        return new KinematicChain
        {
            Robot = robotName,
            Model = modelFile,
            TimestepS = model.opt.timestep,
            Links = links,
            Frames = frames,
        };
    }
}
