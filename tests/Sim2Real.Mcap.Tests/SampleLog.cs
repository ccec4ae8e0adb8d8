using System.Text;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Tests;

/// <summary>
/// A deployment-like ros2 log: joint states at 500 Hz, small rgb8 images at 30 Hz, policy actions at 50 Hz,
/// diagnostics at 1 Hz, a metadata record and an attachment; and what was written, to compare readers against.
/// </summary>
internal static class SampleLog
{
    public const ulong Start = 1_700_000_000_000_000_000;

    public static readonly string[] Joints = ["hip", "knee", "ankle"];

    public static Written Write(string path, McapCompression compression, double seconds = 3, TimeSpan? flushInterval = null)
    {
        // A frozen clock: chunks close on log time only, however slowly this machine writes.
        var options = new McapWriterOptions
        {
            Compression = compression, FlushInterval = flushInterval ?? TimeSpan.FromSeconds(1), TimeProvider = new ManualTimeProvider(),
        };
        var messages = new List<(string Topic, ulong LogTime, byte[] Data)>();
        using (var writer = McapWriter.Create(path, options))
        {
            var joints = writer.AddRos2Channel("/joint_states", RosMessageTypes.Get(JointState.TypeName), [QosProfile.SensorData]);
            var image = writer.AddRos2Channel("/camera/image_raw", RosMessageTypes.Get(Image.TypeName), [QosProfile.SensorData]);
            var action = writer.AddRos2Channel("/policy/action", RosMessageTypes.Get(Float64MultiArray.TypeName), [QosProfile.Default]);
            var diagnostics = writer.AddRos2Channel("/diagnostics", RosMessageTypes.Get(DiagnosticArray.TypeName), [QosProfile.Default, QosProfile.Latched]);
            writer.WriteMetadata(new McapMetadata("deployment", new Dictionary<string, string> { ["git_commit"] = "0123abc", ["host"] = "test-host" }));
            writer.WriteAttachment(new McapAttachment(Start, Start - 1000, "robot.yaml", "application/yaml", Encoding.UTF8.GetBytes("name: hopper\njoints: 3\n")));

            var end = Start + McapTime.FromSeconds(seconds);
            // One 2 ms tick drives every stream (500 Hz; images every 33 ticks ~ 30 Hz; actions every 10; diagnostics every 500).
            for (var (t, tick) = (Start, 0); t < end; t += 2_000_000, tick++)
            {
                Add(writer, messages, "/joint_states", joints, t, JointStates(tick, t));
                if (tick % 33 == 0)
                {
                    Add(writer, messages, "/camera/image_raw", image, t, Frame(tick, t));
                }

                if (tick % 10 == 0)
                {
                    Add(writer, messages, "/policy/action", action, t, Action(tick));
                }

                if (tick % 500 == 0)
                {
                    Add(writer, messages, "/diagnostics", diagnostics, t, Diagnostics(tick, t));
                }
            }

            writer.WriteAttachment(new McapAttachment(end, 0, "policy_info.txt", "text/plain", Encoding.UTF8.GetBytes("policy: drqv2\n")));
        }

        return new Written(messages);
    }

    public static JointState JointStates(int tick, ulong t) => new()
    {
        Header = Header(t, "base"),
        Name = Joints,
        Position = [tick * 0.001, -tick * 0.002, Math.Sin(tick * 0.01)],
        Velocity = [0.5, -0.25, tick],
        Effort = [],
    };

    public static Image Frame(int tick, ulong t)
    {
        var data = new byte[8 * 6 * 3];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 7 + tick);
        }

        return new Image { Header = Header(t, "camera"), Height = 6, Width = 8, Encoding = "rgb8", Step = 24, Data = data };
    }

    public static Float64MultiArray Action(int tick) => new()
    {
        Layout = new MultiArrayLayout { Dim = [new MultiArrayDimension { Label = "action", Size = 3, Stride = 3 }] },
        Data = [tick * 0.1, 0.0, -1.5],
    };

    public static DiagnosticArray Diagnostics(int tick, ulong t) => new()
    {
        Header = Header(t, ""),
        Status =
        [
            new DiagnosticStatus
            {
                Level = DiagnosticStatus.WARN, Name = "watchdog", Message = $"tick {tick}", HardwareId = "hopper",
                Values = [new KeyValue { Key = "deadline_misses", Value = "2" }],
            },
        ],
    };

    private static Header Header(ulong t, string frame) => new()
    {
        Stamp = new Time { Sec = (int)(t / 1_000_000_000), Nanosec = (uint)(t % 1_000_000_000) },
        FrameId = frame,
    };

    private static void Add<T>(McapWriter writer, List<(string, ulong, byte[])> messages, string topic, ushort channel, ulong t, T message)
        where T : IRosMessage<T>
    {
        writer.WriteRos2(channel, message, t, t);
        messages.Add((topic, t, RosMessage.Encode(message)));
    }

    /// <summary>Every message written, in write order (which is log-time order).</summary>
    public sealed record Written(IReadOnlyList<(string Topic, ulong LogTime, byte[] Data)> Messages)
    {
        public IReadOnlyDictionary<string, int> Counts => Messages.GroupBy(m => m.Topic).ToDictionary(g => g.Key, g => g.Count());
    }
}
