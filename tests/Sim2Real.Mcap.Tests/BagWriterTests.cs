using Microsoft.Extensions.Time.Testing;
using Sim2Real.Core;
using Sim2Real.Mcap.Bags;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using StdString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Mcap.Tests;

public sealed class BagWriterTests : IDisposable
{
    private static readonly McapWriterOptions FrozenClock = new() { TimeProvider = new ManualTimeProvider() };
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Splits_by_duration_into_numbered_files_listed_in_metadata_yaml()
    {
        var bag = _dir.File("run");
        using (var writer = BagWriter.Create(bag, new BagWriterOptions { MaxBagDuration = TimeSpan.FromSeconds(1), Mcap = FrozenClock }))
        {
            var topic = writer.AddTopic("chatter", RosMessageTypes.Get(StdString.TypeName), [QosProfile.Default]);
            for (var i = 0; i < 25; i++)
            {
                writer.Write(topic, SampleLog.Start + ((ulong)i * 100_000_000), SampleLog.Start, RosMessage.Encode(new StdString { Data = $"hello {i}" }));
            }
        }

        Assert.Equal(["metadata.yaml", "run_0.mcap", "run_1.mcap", "run_2.mcap"], Directory.GetFiles(bag).Select(Path.GetFileName).Order());
        Assert.Equal([10UL, 10, 5], BagMetadata.Files(bag).Select(f => { using var r = McapReader.Open(f); return r.Statistics!.MessageCount; }));
        var yaml = File.ReadAllText(Path.Combine(bag, "metadata.yaml"));
        Assert.Contains("  version: 5\n  storage_identifier: mcap\n  duration:\n    nanoseconds: 2400000000\n", yaml, StringComparison.Ordinal);
        Assert.Contains("        name: /chatter\n        type: std_msgs/msg/String\n        serialization_format: cdr\n        offered_qos_profiles: \"- history: 1\\n  depth: 10\\n  reliability: 1\\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      message_count: 25\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  relative_file_paths:\n    - run_0.mcap\n    - run_1.mcap\n    - run_2.mcap\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    - path: run_1.mcap\n      starting_time:\n        nanoseconds_since_epoch: 1700000001000000000\n      duration:\n        nanoseconds: 900000000\n      message_count: 10\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Splits_by_size_once_a_file_has_reached_it()
    {
        var bag = _dir.File("sized");
        var options = new BagWriterOptions { MaxBagSizeBytes = 4096, Mcap = FrozenClock with { ChunkSize = 1024 } };
        using (var writer = BagWriter.Create(bag, options))
        {
            var topic = writer.AddTopic("/data", RosMessageTypes.Get(Float64MultiArray.TypeName), [QosProfile.SensorData]);
            for (var i = 0; i < 200; i++)
            {
                writer.Write(topic, SampleLog.Start + (ulong)i, SampleLog.Start, RosMessage.Encode(new Float64MultiArray { Data = new double[16] }));
            }
        }

        var files = BagMetadata.Files(bag);
        Assert.True(files.Count > 2, $"{files.Count} files");
        var counts = files.Select(f => { using var r = McapReader.Open(f); return r.Statistics!.MessageCount; }).ToList();
        Assert.Equal(200UL, counts.Aggregate(0UL, (a, b) => a + b));
        // Every file but the last reached the size before the next one started, and not by more than a chunk.
        Assert.All(files.SkipLast(1), f => Assert.InRange(new FileInfo(f).Length, 4096, 4096 + 4096));
    }

    [Fact]
    public void Refuses_a_bag_directory_that_exists_and_leaves_it_alone()
    {
        Directory.CreateDirectory(_dir.File("taken"));
        File.WriteAllText(Path.Combine(_dir.File("taken"), "mine.txt"), "keep");

        var e = Assert.Throws<InvalidConfigException>(() => BagWriter.Create(_dir.File("taken")));

        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(["mine.txt"], Directory.GetFiles(_dir.File("taken")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Records_each_message_at_its_receive_time_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var bag = _dir.File("recorded");
        using (var writer = BagWriter.Create(bag, new BagWriterOptions { Mcap = FrozenClock }))
        {
            var recorder = new BagRecorder(writer, clock);
            var topic = writer.AddTopic("/chatter", RosMessageTypes.Get(StdString.TypeName), [QosProfile.Default]);
            recorder.Post(topic, RosMessage.Encode(new StdString { Data = "a" }));
            clock.Advance(TimeSpan.FromMilliseconds(250));
            recorder.Post(topic, RosMessage.Encode(new StdString { Data = "b" }), publishTime: 42);
            recorder.Complete();
            await recorder.RunAsync();
            Assert.Equal(2, recorder.Received);
        }

        using var reader = McapReader.Open(BagMetadata.Files(bag)[0]);
        var messages = reader.ReadMessages().Select(m => (m.Message.LogTime, m.Message.PublishTime)).ToList();
        Assert.Equal([(1_700_000_000_000_000_000UL, 1_700_000_000_000_000_000UL), (1_700_000_000_250_000_000UL, 42UL)], messages);
    }

    public void Dispose() => _dir.Dispose();
}
