using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Sim.Environments;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Training.Tests;

/// <summary>One frame pipeline: a rendered frame and the same bytes arriving as a ROS image give the same observation.</summary>
public class FramePipelineTests
{
    [Fact]
    public void A_rendered_frame_and_the_same_bytes_as_a_sensor_msgs_image_give_bit_identical_stacked_observations()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", Pixels = true, Randomize = true });
        var frames = new TrainOptions().FramePipeline(env.Robot.Camera(env.Camera!));
        var training = new ObservationPipeline(frames);
        var deployment = new FramePreprocessor(frames, "deployment").NewStack();
        var step = env.Reset(6);
        var action = new[] { 0.4f, 0.3f, -0.2f, 0.1f, 0f, 0.2f };
        for (var t = 0; t < 6; t++)
        {
            var trained = training.Observe(step).Pixels!;

            // The deployment side: the frame crosses the wire as sensor_msgs/Image (CDR) and is decoded there.
            var wire = RosMessage.Encode(step.Frame!.ToMessage(new Header { FrameId = "scene" }));
            var received = RosMessage.Decode<Ros.Messages.SensorMsgs.Image>(wire).ToImage("/scene/image_raw");
            var deployed = (t == 0 ? deployment.Reset(received, DateTimeOffset.UnixEpoch) : deployment.Push(received, DateTimeOffset.UnixEpoch)).Data;

            Assert.Equal(trained, deployed);
            step = env.Step(action);
        }
    }

    [Fact]
    public void Frames_are_stacked_once_per_policy_tick_oldest_first()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", Pixels = true });
        var pipeline = new ObservationPipeline(new TrainOptions().FramePipeline(env.Robot.Camera(env.Camera!)));
        var first = pipeline.Observe(env.Reset(1)).Pixels!;
        var plane = 3 * 84 * 84;
        Assert.Equal(first.AsSpan(0, plane).ToArray(), first.AsSpan(2 * plane, plane).ToArray());

        var swing = new[] { 1f, 0.5f, -0.5f, 0f, 0f, 0f };
        var second = pipeline.Observe(env.Step(swing)).Pixels!;
        var third = pipeline.Observe(env.Step(swing)).Pixels!;

        Assert.Equal(second.AsSpan(2 * plane, plane).ToArray(), third.AsSpan(plane, plane).ToArray());
        Assert.NotEqual(third.AsSpan(0, plane).ToArray(), third.AsSpan(2 * plane, plane).ToArray());
    }

    [Fact]
    public void An_image_of_an_encoding_the_pipeline_does_not_take_is_refused_naming_the_topic()
    {
        var message = new Ros.Messages.SensorMsgs.Image { Width = 2, Height = 2, Encoding = "16UC1", Step = 4, Data = new byte[8] };

        var error = Assert.Throws<InvalidDataException>(() => message.ToImage("/scene/image_raw"));

        Assert.Contains("/scene/image_raw", error.Message, StringComparison.Ordinal);
        Assert.Contains("16UC1", error.Message, StringComparison.Ordinal);
    }
}
