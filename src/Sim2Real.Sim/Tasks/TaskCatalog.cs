using Sim2Real.Core;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tasks;

/// <summary>The tasks there are. The CLI's --task resolves here; code refers to the static members.</summary>
public static class TaskCatalog
{
    public static TaskDefinition Reach { get; } = new("reach", "reach", "move the end effector to a random target (success: within 5 cm)");

    public static TaskDefinition Push { get; } = new("push", "push", "push the block onto the goal disc (success: within 5 cm)");

    public static TaskDefinition Walk { get; } = new("walk", "walk", "track a commanded planar velocity and yaw rate on flat ground");

    public static TaskDefinition WalkRough { get; } = new("walk_rough", "walk_rough", "walk, on a procedural height field");

    public static TaskDefinition ReachPayload { get; } = new("reach_payload", "reach", "reach three targets in 6 s with an unknown 0-2 kg payload at the hand (success: within 2 cm at the end)");

    public static IReadOnlyList<TaskDefinition> All { get; } = [Reach, Push, Walk, WalkRough, ReachPayload];

    /// <summary>The task of that name for <paramref name="robot"/>; the error lists what the robot offers.</summary>
    public static TaskDefinition Find(string name, RobotConfig robot)
    {
        var offered = All.Where(t => robot.Scenes.ContainsKey(t.Scene)).ToList();
        return offered.Find(t => t.Name == name)
            ?? throw new InvalidConfigException(robot.Source, "task", $"robot '{robot.Name}' has no task '{name}'; it offers: {string.Join(", ", offered.Select(t => t.Name))}");
    }

    internal static ITask Create(TaskDefinition task, MjModel model, RobotConfig robot, Environments.EnvironmentOptions options)
    {
        if (ReferenceEquals(task, Reach))
        {
            return new ReachTask(model, robot, options.ReachTask);
        }

        if (ReferenceEquals(task, ReachPayload))
        {
            return new PayloadReachTask(model, robot, options.PayloadReachTask);
        }

        if (ReferenceEquals(task, Push))
        {
            return new PushTask(model, robot, options.PushTask);
        }

        if (ReferenceEquals(task, Walk) || ReferenceEquals(task, WalkRough))
        {
            return new WalkTask(model, robot, options.WalkTask);
        }

        throw new ArgumentException($"task '{task.Name}' is not in the catalog", nameof(task));
    }
}
