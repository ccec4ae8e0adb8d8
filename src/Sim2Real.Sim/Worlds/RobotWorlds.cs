using Sim2Real.Core;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Worlds;

/// <summary>Finds a robot's world by name: the built-in nominal and randomized ones, or one robot.yaml defines.</summary>
public static class RobotWorlds
{
    /// <summary>Every world name the robot offers, built-in first.</summary>
    public static IReadOnlyList<string> Names(RobotConfig robot)
    {
        ArgumentNullException.ThrowIfNull(robot);
        return [.. WorldNames.BuiltIn, .. robot.Worlds.Keys.Order(StringComparer.Ordinal)];
    }

    /// <param name="training">Ranges standing in for the robot's training ranges (EnvironmentOptions.Randomization); null uses robot.yaml's.</param>
    /// <exception cref="InvalidConfigException">The robot has no such world; a missing real_like says where to define it.</exception>
    public static World Resolve(RobotConfig robot, string name, RandomizationConfig? training = null)
    {
        ArgumentNullException.ThrowIfNull(robot);
        ArgumentNullException.ThrowIfNull(name);
        var key = WorldNames.Normalize(name);
        var ranges = training ?? robot.Randomization;
        switch (key)
        {
            case WorldNames.Nominal:
                return new World(key, "the model as authored", null, WorldPerturbation.None);
            case WorldNames.Randomized:
                return new World(key, "the training ranges, sampled per episode", ranges, WorldPerturbation.None);
        }

        if (!robot.Worlds.TryGetValue(key, out var config))
        {
            if (key == WorldNames.RealLike)
            {
                throw new InvalidConfigException(robot.Source, "worlds.real_like",
                    $"robot '{robot.Name}' defines no real_like world: add a worlds.real_like section (a held-out world outside the training ranges) to its robot.yaml");
            }

            throw new InvalidConfigException(robot.Source, "worlds", $"robot '{robot.Name}' has no world '{name}'; it has: {string.Join(", ", Names(robot))}");
        }

        var sampled = config.Randomize ? ranges : config.Ranges is { } own ? Inherit(own, ranges) : null;
        return new World(key, config.Description, sampled, config.Perturbation ?? WorldPerturbation.None);
    }

    // A world's own ranges without bodies randomize the training bodies, so the privileged factors keep their layout.
    private static RandomizationConfig Inherit(RandomizationConfig own, RandomizationConfig training)
    {
        if (own.Physics.Bodies.Count > 0)
        {
            return own;
        }

        var p = own.Physics;
        return new RandomizationConfig
        {
            Visual = own.Visual,
            Physics = new PhysicsRandomizationConfig
            {
                Bodies = [.. training.Physics.Bodies],
                MassScale = p.MassScale,
                ComOffsetM = p.ComOffsetM,
                FrictionScale = p.FrictionScale,
                JointDampingScale = p.JointDampingScale,
                MotorStrengthScale = p.MotorStrengthScale,
                KpScale = p.KpScale,
                KdScale = p.KdScale,
                LatencySteps = p.LatencySteps,
                JointPositionNoiseRad = p.JointPositionNoiseRad,
                JointVelocityNoiseRadS = p.JointVelocityNoiseRadS,
                Push = p.Push,
            },
        };
    }
}
