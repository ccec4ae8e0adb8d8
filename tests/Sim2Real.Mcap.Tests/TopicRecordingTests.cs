using System.Security.Cryptography;
using Sim2Real.Mcap.Bags;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Tests;
using Sim2Real.Ros.Transport;
using StdString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Mcap.Tests;

public sealed class TopicRecordingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Records_the_published_bytes_untouched_with_the_publishers_qos()
    {
        // Loopback only, a domain of this test's own.
        var options = new RosOptions
        {
            DomainId = RandomNumberGenerator.GetInt32(100, 160),
            NodeName = "log_record_test",
            Network = NetworkOptions.Loopback with { MaxParticipantsPerHost = 60 },
            CycloneUri = null,
        };
        using var talker = new RosNode(options with { NodeName = "talker" });
        using var recorder = new RosNode(options);
        var topic = "/t" + Guid.NewGuid().ToString("N")[..12] + "/chatter";
        // Transient-local: samples written before the recorder has discovered the talker still reach it.
        using var publisher = talker.CreatePublisher<StdString>(topic, QosProfile.Latched.WithDepth(10));
        var sent = Enumerable.Range(0, 5).Select(i => new StdString { Data = $"hello {i}" }).ToList();
        foreach (var message in sent)
        {
            publisher.Publish(message);
        }

        var bag = _dir.File("bag");
        await using (var recording = await TopicRecording.StartAsync(recorder, [topic], bag, new BagWriterOptions(), TimeSpan.FromSeconds(20)))
        {
            await Eventually.HoldsAsync(() => recording.Received >= sent.Count);
        }

        using var reader = McapReader.Open(BagMetadata.Files(bag)[0]);
        var channel = Assert.Single(reader.Channels.Values);
        Assert.Equal(topic, channel.Topic);
        Assert.Equal("std_msgs/msg/String", reader.Schemas[channel.SchemaId].Name);
        var offered = Assert.Single(OfferedQosProfiles.Parse(channel.Metadata[Ros2Profile.OfferedQosProfilesKey], topic));
        Assert.Equal(Durability.TransientLocal, offered.Durability);
        Assert.Equal(sent.Select(RosMessage.Encode), reader.ReadMessages().Select(m => m.Message.Data.ToArray()));
    }

    public void Dispose() => _dir.Dispose();
}
