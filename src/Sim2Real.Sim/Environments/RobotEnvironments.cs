using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;
using Sim2Real.Sim.Tasks;

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

    /// <summary>
    /// The parsed robot, task and compiled scene, from which any number of environments are copied (mj_copyModel),
    /// so a vector of N environments parses the MJCF once.
    /// </summary>
    internal sealed class Blueprint : IDisposable
    {
        private Blueprint(EnvironmentOptions options, RobotConfig robot, TaskDefinition task, MjModel model, string? camera)
        {
            Options = options;
            Robot = robot;
            Task = task;
            Model = model;
            Camera = camera;
        }

        public EnvironmentOptions Options { get; }

        public RobotConfig Robot { get; }

        public TaskDefinition Task { get; }

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
            string? camera = null;
            if (options.Pixels)
            {
                camera = options.Camera is null ? robot.Cameras[0].Name : robot.Camera(options.Camera).Name;
            }

            var model = RobotModel.Load(robot, task.Scene);
            if (camera is not null)
            {
                model.CameraId(camera);
            }

            return new Blueprint(options, robot, task, model, camera);
        }

        public IEnvironment Build()
        {
            var model = Model.Copy();
            try
            {
                var spec = Camera is null ? null : Robot.Camera(Camera);
                var frames = spec is null ? null
                    : FrameSources.Create(model, spec.Name, Options.ImageWidth ?? spec.Width, Options.ImageHeight ?? spec.Height, Options.RenderQuality);
                return new RobotEnvironment(Options, Robot, Task, model, frames);
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
