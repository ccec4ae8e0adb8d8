using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Tasks;
using Sim2Real.Sim.Worlds;

namespace Sim2Real.Sim.Environments;

/// <summary>Builds environments by robot and task name, like dm_control's <c>suite.load</c>.</summary>
public static class RobotEnvironments
{
    /// <summary>One environment with its own model copy.</summary>
    /// <exception cref="Sim2Real.Core.InvalidConfigException">Unknown robot, task or camera, or a bad config.</exception>
    /// <exception cref="MjModelLoadException">The robot's MJCF is missing or malformed.</exception>
    public static IEnvironment Create(EnvironmentOptions options)
    {
        using var blueprint = Blueprint.Load(options);
        return blueprint.Build();
    }

    /// <summary>A simulation core driven by joint position targets, in the world <see cref="EnvironmentOptions.World"/> names.</summary>
    /// <exception cref="Sim2Real.Core.InvalidConfigException">Unknown robot, task, world or camera, or a bad config.</exception>
    public static RobotSimulation CreateSimulation(EnvironmentOptions options)
    {
        using var blueprint = Blueprint.Load(options);
        return blueprint.BuildSimulation();
    }

    /// <summary>
    /// The parsed robot, task and compiled scene, from which any number of environments are copied (mj_copyModel),
    /// so a vector of N environments parses the MJCF once.
    /// </summary>
    internal sealed class Blueprint : IDisposable
    {
        private Blueprint(EnvironmentOptions options, RobotConfig robot, TaskDefinition task, World world, MjModel model, string? camera)
        {
            Options = options;
            Robot = robot;
            Task = task;
            World = world;
            Model = model;
            Camera = camera;
        }

        public EnvironmentOptions Options { get; }

        public RobotConfig Robot { get; }

        public TaskDefinition Task { get; }

        public World World { get; }

        public MjModel Model { get; }

        public string? Camera { get; }

        public static Blueprint Load(EnvironmentOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            options.Validate();
            options.Randomization?.Validate("environment options", "randomization.");
            var catalog = options.RobotsRoot is null ? RobotCatalog.Discover() : new RobotCatalog(options.RobotsRoot);
            var robot = catalog.Load(options.Robot);
            var task = TaskCatalog.Find(options.Task, robot);
            var world = RobotWorlds.Resolve(robot, options.WorldName, options.Randomization);
            string? camera = null;
            if (options.Pixels)
            {
                camera = options.Camera is null ? robot.Spec.DefaultCamera("a pixel observation").Name : robot.Camera(options.Camera).Name;
            }

            var model = RobotModel.Load(robot, task.Scene);
            if (camera is not null)
            {
                model.CameraId(camera);
            }

            return new Blueprint(options, robot, task, world, model, camera);
        }

        public IEnvironment Build()
        {
            var model = Model.Copy();
            try
            {
                var spec = Camera is null ? null : Robot.Camera(Camera);
                var frames = spec is null ? null
                    : FrameSources.Create(model, spec.Name, Options.ImageWidth ?? spec.Width, Options.ImageHeight ?? spec.Height, Options.RenderQuality);
                return new RobotEnvironment(Options, Robot, Task, World, model, frames);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }

        /// <summary>A simulation core with its own model copy, driven by joint targets (the served robot's).</summary>
        public RobotSimulation BuildSimulation()
        {
            var model = Model.Copy();
            try
            {
                return new RobotSimulation(Options, Robot, Task, World, model);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }

        public void Dispose() => Model.Dispose();
    }
}
