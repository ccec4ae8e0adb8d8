using Sim2Real.Core;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;

namespace Sim2Real.Mcap.Tests;

/// <summary>Finding a topic's channels in a log, as <c>log echo</c> does.</summary>
public sealed class ChannelLookupTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_topic_resolves_to_the_channels_that_carry_it()
    {
        var path = _dir.File("log.mcap");
        SampleLog.Write(path, McapCompression.None, seconds: 0.1);
        using var reader = McapReader.Open(path);

        var ids = reader.ChannelIdsOf("/joint_states");

        Assert.Equal([reader.Channels.Values.Single(c => c.Topic == "/joint_states").Id], ids);
        Assert.All(reader.ReadMessages(ids), m => Assert.Equal("/joint_states", m.Channel.Topic));
    }

    [Fact]
    public void A_topic_the_log_lacks_is_refused_naming_the_file_and_the_topics_it_has()
    {
        var path = _dir.File("log.mcap");
        SampleLog.Write(path, McapCompression.None, seconds: 0.1);
        using var reader = McapReader.Open(path);

        var e = Assert.Throws<InvalidConfigException>(() => reader.ChannelIdsOf("/imu"));

        Assert.Equal((path, "/imu"), (e.Origin, e.Field));
        Assert.Contains("it has /camera/image_raw, /diagnostics, /joint_states, /policy/action", e.Message, StringComparison.Ordinal);
    }
}
