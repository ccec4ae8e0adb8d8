using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Tests;

/// <summary>
/// The child side of the SIGKILL tests: records 16x16 rgb8 images every 2 ms of log time into chunks of 100 ms
/// (50 messages), then, after <c>chunks</c> chunks, stops where the parent kills it and prints
/// <c>ready WRITTEN FLUSHED</c>: "idle" stops half-way through filling the next chunk in memory; "mid-chunk" stops
/// half-way through writing the next chunk to disk (its first half is on disk, the rest never will be).
/// </summary>
internal static class CrashingRecorder
{
    public const int MessagesPerChunk = 50;

    public static int Run(string mode, string path, int chunks)
    {
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        McapWriter? writer = null;
        var pausing = new PausingStream(file, () => Ready(writer!));
        writer = new McapWriter(pausing, new McapWriterOptions
        {
            Compression = McapCompression.None,
            FlushInterval = TimeSpan.FromMilliseconds(100),
            TimeProvider = new ManualTimeProvider(),
        });
        var channel = writer.AddRos2Channel("/camera/image_raw", RosMessageTypes.Get(Image.TypeName), [QosProfile.SensorData]);
        for (var i = 0; ; i++)
        {
            if (mode == "mid-chunk" && writer.ChunkCount == chunks)
            {
                pausing.PauseInNextLargeWrite = true;
            }

            if (mode == "idle" && writer.ChunkCount == chunks && writer.MessageCount - (ulong)writer.FlushedMessageCount == MessagesPerChunk / 2)
            {
                Ready(writer);
            }

            var t = SampleLog.Start + (ulong)i * 2_000_000;
            var image = new Image { Height = 16, Width = 16, Encoding = "rgb8", Step = 48, Data = Enumerable.Repeat((byte)i, 768).ToArray() };
            writer.WriteRos2(channel, image, t, t);
        }
    }

    private static void Ready(McapWriter writer)
    {
        Console.Out.WriteLine($"ready {writer.MessageCount} {writer.FlushedMessageCount}");
        Console.Out.Flush();
        Console.In.ReadLine();
        // The parent kills us while we wait; if it does not, leave without closing the file.
        Environment.Exit(3);
    }

    /// <summary>Passes writes through; when armed, writes half of the next large write, syncs it to disk and pauses.</summary>
    private sealed class PausingStream(FileStream inner, Action pause) : Stream
    {
        public bool PauseInNextLargeWrite { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (PauseInNextLargeWrite && buffer.Length > 4096)
            {
                inner.Write(buffer[..(buffer.Length / 2)]);
                inner.Flush(flushToDisk: true);
                pause();
            }

            inner.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush() => inner.Flush(flushToDisk: true);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
