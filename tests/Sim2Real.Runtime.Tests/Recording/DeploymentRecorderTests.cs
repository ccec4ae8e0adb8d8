using Sim2Real.Mcap.Reading;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Recording;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Recording;

/// <summary>The deployment log is an ordinary ros2-profile MCAP file that explains the run without the program that wrote it.</summary>
public sealed class DeploymentRecorderTests : IDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(1000);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Records_inputs_with_receive_time_and_header_stamp_and_ticks_with_every_field()
    {
        var path = _dir.File("run.mcap");
        var tick = new PolicyTick
        {
            Header = new Header { Stamp = new Time { Sec = 1000, Nanosec = 40_000_000 } },
            Tick = 7,
            Episode = 2,
            JointStateAgeS = 0.004,
            FrameAgeS = double.NaN,
            InferenceS = 0.0009,
            Observation = [0.1f, -0.2f, 0.3f],
            RawAction = [0.5f, -1f],
            Target = [0.25, -0.5],
            Commanded = [0.2, -0.4],
            SafetyState = "ramp",
        };
        using (var recorder = DeploymentRecorder.Create(path, new RecordingOptions()))
        {
            var joints = recorder.Topic<JointState>("/joint_states", QosProfile.Default);
            var ticks = recorder.Topic<PolicyTick>("/policy/tick", QosProfile.Default);
            recorder.Metadata("episode_start", EpisodeRecords.Start(2, T0));
            recorder.Record(joints, new JointState { Header = new Header { Stamp = new Time { Sec = 999, Nanosec = 990_000_000 } }, Name = ["a"], Position = [1.5] }, T0, new Time { Sec = 999, Nanosec = 990_000_000 });
            recorder.Record(ticks, tick, T0 + TimeSpan.FromMilliseconds(41), tick.Header.Stamp);
        }

        using var reader = McapReader.Open(path);
        Assert.Equal("ros2", reader.Header.Profile);
        Assert.Equal(2UL, reader.Statistics!.MessageCount);
        var messages = reader.ReadMessages().ToList();
        var joint = Assert.Single(messages, m => m.Channel.Topic == "/joint_states");
        Assert.Equal("sensor_msgs/msg/JointState", joint.Schema!.Name);
        Assert.Equal("ros2msg", joint.Schema.Encoding);
        Assert.Equal(1_000_000_000_000UL, joint.Message.LogTime);
        Assert.Equal(999_990_000_000UL, joint.Message.PublishTime);
        var recorded = RosMessage.Decode<PolicyTick>(Assert.Single(messages, m => m.Channel.Topic == "/policy/tick").Message.Data.Span);
        Assert.Equal(tick.Observation, recorded.Observation);
        Assert.Equal(tick.RawAction, recorded.RawAction);
        Assert.Equal(tick.Target, recorded.Target);
        Assert.Equal(tick.Commanded, recorded.Commanded);
        Assert.Equal(tick.InferenceS, recorded.InferenceS);
        Assert.Equal("ramp", recorded.SafetyState);
        var episode = reader.ReadMetadata(Assert.Single(reader.MetadataIndexes));
        Assert.Equal("episode_start", episode.Name);
        Assert.Equal("2", episode.Values["episode"]);
        Assert.Equal("1000000000000", episode.Values["start_time_ns"]);
    }

    [Fact]
    public void Never_blocks_the_loop_when_the_queue_is_full_and_counts_what_it_dropped()
    {
        var path = _dir.File("full.mcap");
        long dropped;
        long written;
        using (var recorder = DeploymentRecorder.Create(path, new RecordingOptions { QueueCapacity = 1 }))
        {
            var topic = recorder.Topic<Float64MultiArray>("/forward_position_controller/commands", QosProfile.Default);
            for (var i = 0; i < 5000; i++)
            {
                recorder.Record(topic, new Float64MultiArray { Data = [i] }, T0 + TimeSpan.FromMilliseconds(i));
            }

            recorder.Dispose();
            dropped = recorder.Statistics.Dropped;
            written = recorder.Statistics.Written;
        }

        Assert.Equal(5000, dropped + written);
        using var reader = McapReader.Open(path);
        Assert.Equal((ulong)written, reader.Statistics!.MessageCount);
    }

    [Fact]
    public void Compressed_images_are_jpeg_on_the_image_transport_topic()
    {
        var path = _dir.File("images.mcap");
        var pixels = new byte[32 * 24 * 3];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 7);
        }

        using (var recorder = DeploymentRecorder.Create(path, new RecordingOptions { Images = ImageRecording.Compressed }))
        {
            var taps = new RecordingTaps(recorder, () => T0);
            using var frames = new System.Reactive.Subjects.Subject<Image>();
            using var through = taps.Images(frames, new Runtime.Launch.TopicEndpoint("/scene/image_raw", QosProfile.SensorData)).Subscribe();
            frames.OnNext(new Image { Width = 32, Height = 24, Encoding = "rgb8", Step = 96, Data = pixels });
        }

        using var reader = McapReader.Open(path);
        var entry = Assert.Single(reader.ReadMessages().ToList());
        Assert.Equal("/scene/image_raw/compressed", entry.Channel.Topic);
        var image = RosMessage.Decode<CompressedImage>(entry.Message.Data.Span);
        Assert.StartsWith("rgb8; jpeg", image.Format, StringComparison.Ordinal);
        Assert.Equal([0xFF, 0xD8], image.Data[..2]);
    }

    [Fact]
    public void Images_are_decimated_to_the_configured_rate()
    {
        var path = _dir.File("decimated.mcap");
        var now = T0;
        using (var recorder = DeploymentRecorder.Create(path, new RecordingOptions { Images = ImageRecording.Raw, ImageRateHz = 10 }))
        {
            var taps = new RecordingTaps(recorder, () => now);
            using var frames = new System.Reactive.Subjects.Subject<Image>();
            using var through = taps.Images(frames, new Runtime.Launch.TopicEndpoint("/scene/image_raw", QosProfile.SensorData)).Subscribe();
            for (var i = 0; i < 30; i++)
            {
                now = T0 + TimeSpan.FromSeconds(i / 30.0);
                frames.OnNext(new Image { Width = 2, Height = 2, Encoding = "rgb8", Step = 6, Data = new byte[12] });
            }
        }

        using var reader = McapReader.Open(path);
        Assert.Equal(10UL, reader.Statistics!.MessageCount);
    }
}
