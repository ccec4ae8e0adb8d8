using System.Diagnostics;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Bench;

/// <summary>
/// How fast the MCAP writer records the two heaviest deployment streams, a 640x480 rgb8 camera at 30 Hz and 500 Hz
/// joint states, as a live recorder writes them (chunks of 1 s, fsync per chunk), against real time.
/// </summary>
public static class WriterBench
{
    public const int Width = 640;
    public const int Height = 480;
    public const double ImageRateHz = 30;
    public const double JointStateRateHz = 500;
    public const int Joints = 12;

    public const string ImageStream = "640x480 rgb8 @ 30 Hz";
    public const string JointStateStream = "JointState @ 500 Hz";

    /// <summary>
    /// Writes each stream once per compression, image then joint states, yielding each result as it is measured.
    /// The messages are made before the first write, so their making is not timed.
    /// </summary>
    public static IEnumerable<WriterBenchResult> Run(WriterBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Seconds);
        return RunValidated(options);
    }

    /// <summary>Eight camera-like frames (smooth gradients that move, with sensor noise).</summary>
    public static Image[] Frames()
    {
        var random = new Random(15);
        return [.. Enumerable.Range(0, 8).Select(k =>
        {
            var data = new byte[Width * Height * 3];
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var i = (y * Width + x) * 3;
                    data[i] = (byte)(x / 3 + k * 4 + random.Next(4));
                    data[i + 1] = (byte)(y / 2 + random.Next(4));
                    data[i + 2] = (byte)((x + y + k * 8) / 5 + random.Next(4));
                }
            }

            return new Image { Height = Height, Width = Width, Encoding = "rgb8", Step = Width * 3, Data = data };
        })];
    }

    /// <summary><paramref name="count"/> smoothly moving states of a 12-joint robot.</summary>
    public static JointState[] JointStates(int count)
    {
        string[] names = [.. Enumerable.Range(0, Joints).Select(j => $"joint_{j}")];
        return [.. Enumerable.Range(0, count).Select(i => new JointState
        {
            Name = names,
            Position = [.. Enumerable.Range(0, Joints).Select(j => Math.Sin(i * 0.002 + j))],
            Velocity = [.. Enumerable.Range(0, Joints).Select(j => Math.Cos(i * 0.002 + j))],
            Effort = [.. Enumerable.Range(0, Joints).Select(j => 0.1 * j)],
        })];
    }

    private static IEnumerable<WriterBenchResult> RunValidated(WriterBenchOptions options)
    {
        var seconds = options.Seconds;
        var frames = Frames();
        var joints = JointStates((int)(seconds * JointStateRateHz));
        foreach (var compression in options.Compressions)
        {
            var name = McapCompressionNames.Display(McapCompressionNames.ToWire(compression));
            yield return Write(options, ImageStream, name, Path.Combine(options.Folder, $"image-{name}.mcap"), compression, RosMessageTypes.Get(Image.TypeName), "/camera/image_raw",
                (int)(seconds * ImageRateHz), 1e9 / ImageRateHz, (writer, channel, i, t, cdr) => writer.WriteRos2(channel, frames[i % frames.Length] with { Header = Stamped(t, "camera") }, t, t, cdr));
            yield return Write(options, JointStateStream, name, Path.Combine(options.Folder, $"joints-{name}.mcap"), compression, RosMessageTypes.Get(JointState.TypeName), "/joint_states",
                joints.Length, 1e9 / JointStateRateHz, (writer, channel, i, t, cdr) => writer.WriteRos2(channel, joints[i] with { Header = Stamped(t, "base") }, t, t, cdr));
        }
    }

    private static WriterBenchResult Write(WriterBenchOptions options, string stream, string compressionName, string path, McapCompression compression,
        RosMessageType type, string topic, int count, double periodNs, Action<McapWriter, ushort, int, ulong, CdrWriter> write)
    {
        File.Delete(path);
        using var cdr = new CdrWriter(1 << 20);
        var start = McapTime.FromDateTimeOffset(options.Time.GetUtcNow());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var began = options.Time.GetTimestamp();
        long payload = 0;
        using (var writer = McapWriter.Create(path, new McapWriterOptions { Compression = compression, ZstdLevel = options.ZstdLevel }))
        {
            var channel = writer.AddRos2Channel(topic, type, [QosProfile.SensorData]);
            for (var i = 0; i < count; i++)
            {
                write(writer, channel, i, start + (ulong)(i * periodNs), cdr);
                payload += cdr.Written.Length;
            }
        }

        var wall = options.Time.GetElapsedTime(began).TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new WriterBenchResult(stream, compressionName, path, count, payload, new FileInfo(path).Length, wall, cpuSeconds, options.Seconds);
    }

    private static Header Stamped(ulong t, string frame) =>
        new() { Stamp = new Time { Sec = (int)(t / 1_000_000_000), Nanosec = (uint)(t % 1_000_000_000) }, FrameId = frame };
}
