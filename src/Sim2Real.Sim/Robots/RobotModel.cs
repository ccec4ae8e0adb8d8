using Sim2Real.Core;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Robots;

/// <summary>
/// Loads a robot scene and makes the model agree with robot.yaml: PD gains, effort limits and control ranges are
/// written into the actuators, joint limits are checked against the MJCF, and a procedural height field is filled.
/// </summary>
public static class RobotModel
{
    private const int AffineBias = 1; // mjBIAS_AFFINE

    /// <summary>Compiles <paramref name="scene"/> of <paramref name="robot"/> with the config applied.</summary>
    /// <exception cref="MjModelLoadException">The MJCF is missing or malformed.</exception>
    /// <exception cref="InvalidConfigException">robot.yaml disagrees with the MJCF (unknown joint, limits outside the model's).</exception>
    public static MjModel Load(RobotConfig robot, string scene)
    {
        ArgumentNullException.ThrowIfNull(robot);
        var model = MjModel.FromXmlFile(robot.ScenePath(scene));
        try
        {
            Apply(robot, model);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static void Apply(RobotConfig robot, MjModel model)
    {
        if (model.nu != robot.Joints.Count)
        {
            throw new InvalidConfigException(robot.Source, "joints", $"lists {robot.Joints.Count} joints but {model.Source} has {model.nu} actuators");
        }

        var gain = model.actuator_gainprm;
        var bias = model.actuator_biasprm;
        var gainStride = gain.Length / model.nu;
        var biasStride = bias.Length / model.nu;
        for (var i = 0; i < robot.Joints.Count; i++)
        {
            var joint = robot.Joints[i];
            var field = $"joints[{i}]";
            if (!model.TryGetId(MjtObj.mjOBJ_JOINT, joint.Name, out var j))
            {
                throw new InvalidConfigException(robot.Source, $"{field}.name", $"{model.Source} has no joint '{joint.Name}'; it has: {string.Join(", ", model.Names(MjtObj.mjOBJ_JOINT))}");
            }

            if (!model.TryGetId(MjtObj.mjOBJ_ACTUATOR, joint.Name, out var a) || model.actuator_trnid[2 * a] != j)
            {
                throw new InvalidConfigException(robot.Source, $"{field}.name", $"{model.Source} has no actuator named '{joint.Name}' driving that joint");
            }

            if (a != i)
            {
                throw new InvalidConfigException(robot.Source, $"{field}.name", $"joints must be listed in actuator order; '{joint.Name}' is actuator {a}");
            }

            if (model.actuator_biastype[a] != AffineBias)
            {
                throw new InvalidConfigException(robot.Source, $"{field}.name", $"actuator '{joint.Name}' must be a PD position servo (general, biastype=\"affine\")");
            }

            var low = model.jnt_range[2 * j];
            var high = model.jnt_range[(2 * j) + 1];
            if (model.jnt_limited[j] != 0 && (joint.PositionLimitRad.Min < low - 1e-9 || joint.PositionLimitRad.Max > high + 1e-9))
            {
                throw new InvalidConfigException(robot.Source, $"{field}.position_limit_rad", $"[{joint.PositionLimitRad.Min}, {joint.PositionLimitRad.Max}] exceeds the MJCF joint range [{low}, {high}]");
            }

            gain[gainStride * a] = joint.KpNmPerRad;
            bias[biasStride * a] = 0;
            bias[(biasStride * a) + 1] = -joint.KpNmPerRad;
            bias[(biasStride * a) + 2] = -joint.KdNmSPerRad;
            model.actuator_forcelimited[a] = 1;
            model.actuator_forcerange[2 * a] = -joint.EffortLimitNm;
            model.actuator_forcerange[(2 * a) + 1] = joint.EffortLimitNm;
            model.actuator_ctrllimited[a] = 1;
            model.actuator_ctrlrange[2 * a] = joint.PositionLimitRad.Min;
            model.actuator_ctrlrange[(2 * a) + 1] = joint.PositionLimitRad.Max;
        }

        CheckHomeAndTimestep(robot, model);
        if (robot.Terrain is { } terrain && model.TryGetId(MjtObj.mjOBJ_HFIELD, terrain.Hfield, out var h))
        {
            FillTerrain(robot, model, terrain, h);
        }
    }

    // robot.yaml's home pose is the one the action mapping and observations use; the MJCF keyframe starts episodes.
    private static void CheckHomeAndTimestep(RobotConfig robot, MjModel model)
    {
        if (Math.Abs(model.opt.timestep - robot.Spec.Kinematics.TimestepS) > 1e-12)
        {
            throw new InvalidConfigException(robot.Source, "kinematics.yaml timestep_s",
                $"{model.Source} steps {model.opt.timestep} s but kinematics.yaml says {robot.Spec.Kinematics.TimestepS} s; re-export it with `./sim2real sim export-kinematics --robot {robot.Name}`");
        }

        if (!model.TryGetId(MjtObj.mjOBJ_KEY, "home", out var key))
        {
            throw new InvalidConfigException(model.Source, "keyframe", "the scene needs a keyframe named 'home'");
        }

        for (var i = 0; i < robot.Joints.Count; i++)
        {
            var joint = robot.Joints[i];
            var j = model.JointId(joint.Name);
            var qpos = model.key_qpos[(key * model.nq) + model.jnt_qposadr[j]];
            var ctrl = model.key_ctrl[(key * model.nu) + i];
            if (Math.Abs(qpos - joint.HomeRad) > 1e-9 || Math.Abs(ctrl - joint.HomeRad) > 1e-9)
            {
                throw new InvalidConfigException(robot.Source, $"joints[{i}].home_rad",
                    $"{joint.HomeRad} differs from the 'home' keyframe of {Path.GetFileName(model.Source)} (qpos {qpos}, ctrl {ctrl}); the two must agree");
            }
        }
    }

    private static void FillTerrain(RobotConfig robot, MjModel model, TerrainConfig terrain, int h)
    {
        var size = model.hfield_size.Slice(4 * h, 4);
        if (terrain.BumpHeightM > size[2] + 1e-9)
        {
            throw new InvalidConfigException(robot.Source, "terrain.bump_height_m", $"{terrain.BumpHeightM} m exceeds the hfield's elevation scale size[2] = {size[2]} m");
        }

        var rows = model.hfield_nrow[h];
        var cols = model.hfield_ncol[h];
        var data = model.hfield_data.Slice(model.hfield_adr[h], rows * cols);
        TerrainGenerator.Fill(data, rows, cols, size[0], size[1], size[2], terrain);
    }
}
