using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Environments;

public class PixelObservationTests
{
    [Fact]
    public void A_camera_renders_one_raw_frame_per_agent_step_at_its_own_resolution_that_changes_as_the_arm_moves()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", Pixels = true });
        var spec = env.ObservationSpec.Single(s => s.Name == Observation.FrameName);
        var camera = env.Robot.Camera(env.Camera!);
        Assert.Equal(new[] { camera.Height, camera.Width, 3 }, spec.Shape);
        Assert.Equal(ArrayDType.UInt8, spec.DType);

        var first = env.Reset(1).Frame!;
        Assert.Equal((camera.Width, camera.Height), (first.Width, first.Height));
        Assert.True(first.Pixels.Distinct().Count() > 20, "the frame shows a scene, not a flat colour");

        var swing = new[] { 1f, 0.5f, -0.5f, 0f, 0f, 0f };
        env.Step(swing);
        var later = env.Step(swing).Frame!;
        Assert.NotEqual(first.Pixels, later.Pixels);
    }

    [Fact]
    public void Every_robot_camera_renders_a_non_blank_image()
    {
        foreach (var (robot, task) in new[] { ("arm6", "reach"), ("quad12", "walk") })
        {
            foreach (var camera in Sim2Real.Sim.Robots.RobotCatalog.Discover().Load(robot).Cameras)
            {
                using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = robot, Task = task, Pixels = true, Camera = camera.Name });
                var pixels = env.Reset(0).Frame!.Pixels;
                Assert.True(pixels.Distinct().Count() > 20, $"{robot} camera '{camera.Name}' looks blank");
            }
        }
    }

    [Fact]
    public void Unknown_camera_is_refused_with_the_robot_cameras()
    {
        var error = Assert.Throws<Sim2Real.Core.InvalidConfigException>(() =>
            RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk", Pixels = true, Camera = "belly" }));

        Assert.Contains("track, front", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Visual_randomization_and_image_noise_change_what_the_camera_sees_reproducibly()
    {
        byte[] Frame(bool randomize, int seed)
        {
            using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", Pixels = true, Randomize = randomize });
            return env.Reset(seed).Frame!.Pixels;
        }

        var plain = Frame(false, 3);
        Assert.NotEqual(plain, Frame(true, 3));
        Assert.Equal(Frame(true, 3), Frame(true, 3));
        Assert.NotEqual(Frame(true, 3), Frame(true, 4));
    }

    [Fact]
    public void Vector_of_pixel_environments_renders_the_same_frames_on_one_or_two_threads()
    {
        List<byte> Run(int threads)
        {
            using var vector = new VectorEnvironment(new EnvironmentOptions { Robot = "arm6", Task = "reach", Pixels = true, Randomize = true }, count: 3, threads: threads);
            var frames = new List<byte>();
            foreach (var step in vector.Reset(5))
            {
                frames.AddRange(step.Frame!.Pixels);
            }

            var action = new[] { 0.5f, 0.2f, 0.1f, 0f, 0f, 0f };
            for (var t = 0; t < 3; t++)
            {
                foreach (var step in vector.Step([action, action, action]))
                {
                    frames.AddRange(step.Frame!.Pixels);
                }
            }

            return frames;
        }

        Assert.Equal(Run(1), Run(2));
    }
}
