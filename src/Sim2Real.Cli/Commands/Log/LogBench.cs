using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Log;

/// <summary>
/// <c>log bench</c>: how fast the MCAP writer records the two heaviest deployment streams, a 640x480 rgb8 camera
/// at 30 Hz and 500 Hz joint states, against the rate a live recorder must sustain (real time), in one run.
/// </summary>
internal static class LogBench
{
    private const int Width = 640;
    private const int Height = 480;

    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Seconds of log time written per stream and compression", DefaultValueFactory = _ => 10 };
        var compressions = new Option<string>("--compression") { Description = "Comma-separated: zstd, lz4, none", DefaultValueFactory = _ => "zstd,lz4,none" };
        var level = new Option<int>("--zstd-level") { Description = "zstd level for the zstd runs", DefaultValueFactory = _ => new McapWriterOptions().ZstdLevel };
        var keep = new Option<string?>("--out") { Description = "Folder to keep the written logs in (default: a temporary folder, deleted)" };
        var command = new Command("bench", "Writer throughput (MB/s, messages/s, file size) for a 640x480 rgb8 image stream at 30 Hz and a 500 Hz JointState stream, as multiples of real time.");
        command.Options.Add(seconds);
        command.Options.Add(compressions);
        command.Options.Add(level);
        command.Options.Add(keep);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var duration = parse.GetValue(seconds);
            if (duration is <= 0 or > 3600)
            {
                throw new Core.InvalidConfigException("command line", "--seconds", $"must be in (0, 3600], got {duration}");
            }

            var list = parse.GetValue(compressions)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(c => McapCompressionNames.Parse(c, "--compression")).ToList();
            var folder = parse.GetValue(keep);
            var temporary = folder is null;
            folder ??= Directory.CreateTempSubdirectory("s2r-log-bench-").FullName;
            Directory.CreateDirectory(folder);
            try
            {
                Run(output, duration, list, folder, parse.GetValue(level));
            }
            finally
            {
                if (temporary)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            return 0;
        });
        return command;
    }

    private static void Run(TextWriter output, double seconds, IReadOnlyList<McapCompression> compressions, string folder, int zstdLevel)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"log bench: {seconds} s of log time per stream, chunks of 1 s, fsync per chunk, zstd level {zstdLevel}, {Environment.ProcessorCount} cores, files in {folder}"));
        // CPU seconds too: on a shared, loaded machine wall time measures the neighbours as much as the writer.
        output.WriteLine($"{"stream",-24} {"compression",-11} {"messages",9} {"payload MB",11} {"file MB",9} {"wall s",8} {"cpu s",8} {"MB/s",8} {"msg/s",9} {"x real time",12} {"MB/cpu-s",9} {"x real time/cpu",16}");
        var frames = Frames();
        var joints = JointStates((int)(seconds * 500));
        foreach (var compression in compressions)
        {
            var name = McapCompressionNames.Display(McapCompressionNames.ToWire(compression));
            Report(output, "640x480 rgb8 @ 30 Hz", name, seconds, Write(Path.Combine(folder, $"image-{name}.mcap"), compression, zstdLevel, RosMessageTypes.Get(Image.TypeName),
                (int)(seconds * 30), 1e9 / 30, (writer, channel, i, t, cdr) => writer.WriteRos2(channel, frames[i % frames.Length] with { Header = Stamped(t, "camera") }, t, t, cdr)));
            Report(output, "JointState @ 500 Hz", name, seconds, Write(Path.Combine(folder, $"joints-{name}.mcap"), compression, zstdLevel, RosMessageTypes.Get(JointState.TypeName),
                joints.Length, 1e9 / 500, (writer, channel, i, t, cdr) => writer.WriteRos2(channel, joints[i] with { Header = Stamped(t, "base") }, t, t, cdr)));
        }
    }

    private static Result Write(string path, McapCompression compression, int zstdLevel, RosMessageType type, int count, double periodNs, Action<McapWriter, ushort, int, ulong, CdrWriter> write)
    {
        File.Delete(path);
        using var cdr = new CdrWriter(1 << 20);
        var start = McapTimeNow();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long payload;
        using (var writer = McapWriter.Create(path, new McapWriterOptions { Compression = compression, ZstdLevel = zstdLevel }))
        {
            var channel = writer.AddRos2Channel(type.Name.Name == "Image" ? "/camera/image_raw" : "/joint_states", type, [QosProfile.SensorData]);
            payload = 0;
            for (var i = 0; i < count; i++)
            {
                write(writer, channel, i, start + (ulong)(i * periodNs), cdr);
                payload += cdr.Written.Length;
            }
        }

        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new Result(count, payload, new FileInfo(path).Length, clock.Elapsed.TotalSeconds, cpuSeconds);
    }

    private static void Report(TextWriter output, string stream, string compression, double logSeconds, Result r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stream,-24} {compression,-11} {r.Messages,9} {r.Payload / 1e6,11:0.0} {r.FileBytes / 1e6,9:0.00} {r.Seconds,8:0.000} {r.CpuSeconds,8:0.000} {r.Payload / 1e6 / r.Seconds,8:0.0} {r.Messages / r.Seconds,9:0} {logSeconds / r.Seconds,12:0.0} {r.Payload / 1e6 / r.CpuSeconds,9:0.0} {logSeconds / r.CpuSeconds,16:0.0}"));

    // Eight camera-like frames (smooth gradients that move, with sensor noise), made before timing starts.
    private static Image[] Frames()
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

    private static JointState[] JointStates(int count)
    {
        string[] names = [.. Enumerable.Range(0, 12).Select(j => $"joint_{j}")];
        return [.. Enumerable.Range(0, count).Select(i => new JointState
        {
            Name = names,
            Position = [.. Enumerable.Range(0, 12).Select(j => Math.Sin(i * 0.002 + j))],
            Velocity = [.. Enumerable.Range(0, 12).Select(j => Math.Cos(i * 0.002 + j))],
            Effort = [.. Enumerable.Range(0, 12).Select(j => 0.1 * j)],
        })];
    }

    private static Header Stamped(ulong t, string frame) =>
        new() { Stamp = new Time { Sec = (int)(t / 1_000_000_000), Nanosec = (uint)(t % 1_000_000_000) }, FrameId = frame };

    private static ulong McapTimeNow() => Mcap.McapTime.FromDateTimeOffset(DateTimeOffset.UtcNow);

    private readonly record struct Result(int Messages, long Payload, long FileBytes, double Seconds, double CpuSeconds);
}
