using Microsoft.Extensions.Time.Testing;
using Sim2Real.Core;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Transport;
using RosString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Ros.Tests.Graph;

/// <summary>Topic-type resolution over a scripted discovery, in virtual time.</summary>
public class TopicTypeResolverTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Finds_the_type_of_a_publisher_that_appears_during_the_wait()
    {
        var resolver = Resolver(At(TimeSpan.FromSeconds(2), Publisher(Twist.TypeName)));

        var resolving = resolver.ResolveAsync("/cmd_vel", null, TimeSpan.FromSeconds(5));
        Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(resolving.IsCompleted);
        Advance(TimeSpan.FromSeconds(0.2));

        var resolved = await resolving;
        Assert.Equal(Twist.TypeName, resolved.Type.Name);
        Assert.Equal("/cmd_vel", resolved.Topic);
        Assert.Single(resolved.Publishers);
    }

    [Fact]
    public async Task Gives_up_at_the_end_of_the_wait_asking_for_the_type()
    {
        var resolver = Resolver(() => []);

        var resolving = resolver.ResolveAsync("/cmd_vel", null, TimeSpan.FromSeconds(5));
        Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(resolving.IsCompleted);
        Advance(TimeSpan.FromSeconds(0.1));

        var e = await Assert.ThrowsAsync<InvalidConfigException>(() => resolving);
        Assert.Equal("/cmd_vel", e.Origin);
        Assert.Equal("--type", e.Field);
        Assert.Contains("within 5 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requested_type_gives_discovery_one_second_to_show_a_conflicting_publisher()
    {
        var resolver = Resolver(() => []);

        var resolving = resolver.ResolveAsync("/cmd_vel", Twist.TypeName, TimeSpan.FromSeconds(5));
        Advance(TimeSpan.FromSeconds(0.9));
        Assert.False(resolving.IsCompleted);
        Advance(TimeSpan.FromSeconds(0.1));

        var resolved = await resolving;
        Assert.Equal(Twist.TypeName, resolved.Type.Name);
        Assert.Empty(resolved.Publishers);
    }

    [Fact]
    public async Task A_requested_type_that_the_publishers_do_not_use_is_refused_naming_both()
    {
        var resolver = Resolver(() => [Publisher(RosString.TypeName)]);

        var e = await Assert.ThrowsAsync<InvalidConfigException>(() => resolver.ResolveAsync("/cmd_vel", Twist.TypeName, TimeSpan.FromSeconds(5)));

        Assert.Contains("std_msgs/msg/String", e.Message, StringComparison.Ordinal);
        Assert.Contains("geometry_msgs/msg/Twist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_published_with_two_types_asks_which_one()
    {
        var resolver = Resolver(() => [Publisher(RosString.TypeName), Publisher(Twist.TypeName)]);

        var e = await Assert.ThrowsAsync<InvalidConfigException>(() => resolver.ResolveAsync("/cmd_vel", null, TimeSpan.Zero));

        Assert.Contains("several types", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watching_reports_a_publisher_of_another_type_that_starts_later()
    {
        var resolver = Resolver(At(TimeSpan.FromSeconds(3), Publisher(RosString.TypeName)));
        var resolving = resolver.ResolveAsync("/cmd_vel", Twist.TypeName, TimeSpan.FromSeconds(5));
        Advance(TimeSpan.FromSeconds(1));
        var resolved = await resolving;

        var watching = resolver.WatchForOtherTypesAsync(resolved, CancellationToken.None);
        Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(watching.IsCompleted);
        Advance(TimeSpan.FromSeconds(0.1));

        var e = await Assert.ThrowsAsync<InvalidConfigException>(() => watching);
        Assert.Contains("published as std_msgs/msg/String (1 publisher), not geometry_msgs/msg/Twist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watching_ends_quietly_once_cancelled()
    {
        var resolver = Resolver(() => [Publisher(Twist.TypeName)]);
        var resolved = await resolver.ResolveAsync("/cmd_vel", null, TimeSpan.FromSeconds(5));
        using var stop = new CancellationTokenSource();

        var watching = resolver.WatchForOtherTypesAsync(resolved, stop.Token);
        Advance(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();

        await watching;
        Assert.True(watching.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Watching_says_once_what_discovery_shows_when_nothing_arrived_within_the_wait()
    {
        var resolver = Resolver(() => []);
        var resolving = resolver.ResolveAsync("/cmd_vel", Twist.TypeName, TimeSpan.FromSeconds(5));
        Advance(TimeSpan.FromSeconds(1));
        var resolved = await resolving;
        var notes = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var noted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var watching = resolver.WatchForOtherTypesAsync(resolved, TimeSpan.FromSeconds(5), note =>
        {
            notes.Enqueue(note);
            noted.TrySetResult();
        }, stop.Token);
        Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(notes);
        Advance(TimeSpan.FromSeconds(5.2));
        // The watch's polls resume on the thread pool: give the one past the wait a moment of real time to run.
        await noted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Advance(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await watching;

        Assert.Equal(["/cmd_vel [geometry_msgs/msg/Twist]: nothing received within 5 s; discovery shows no publisher of the topic; still waiting (Ctrl+C to stop)"], notes);
    }

    [Fact]
    public async Task Watching_says_nothing_when_the_first_message_came_before_the_wait_ended()
    {
        var resolver = Resolver(() => [Publisher(Twist.TypeName)]);
        var resolved = await resolver.ResolveAsync("/cmd_vel", null, TimeSpan.FromSeconds(5));
        var notes = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var firstMessage = new CancellationTokenSource();

        var watching = resolver.WatchForOtherTypesAsync(resolved, TimeSpan.FromSeconds(5), notes.Enqueue, firstMessage.Token);
        Advance(TimeSpan.FromSeconds(2));
        await firstMessage.CancelAsync();
        Advance(TimeSpan.FromSeconds(10));
        await watching;

        Assert.Empty(notes);
    }

    [Fact]
    public void A_quiet_topic_with_publishers_is_described_with_their_count_type_and_QoS()
    {
        var resolved = new ResolvedTopic("/cmd_vel", Ros.Messages.RosMessageTypes.Get(Twist.TypeName), []);

        var note = TopicTypeResolver.DescribeQuiet(resolved, TimeSpan.FromSeconds(2.5), [Publisher(Twist.TypeName), Publisher(Twist.TypeName)]);

        Assert.Equal("/cmd_vel [geometry_msgs/msg/Twist]: nothing received within 2.5 s; discovery shows 2 publishers of geometry_msgs/msg/Twist (KEEP_LAST 10 RELIABLE VOLATILE); still waiting (Ctrl+C to stop)", note);
    }

    private TopicTypeResolver Resolver(Func<IReadOnlyList<DiscoveredEndpoint>> discover) => new(discover, _time) { TypeField = "--type" };

    // Discovery that shows the publisher from `after` (virtual time since the test began) on.
    private Func<IReadOnlyList<DiscoveredEndpoint>> At(TimeSpan after, DiscoveredEndpoint publisher)
    {
        var from = _time.GetUtcNow() + after;
        return () => _time.GetUtcNow() >= from ? [publisher] : [];
    }

    // Small steps, as real time would pass: every poll of the resolver runs inside Advance.
    private void Advance(TimeSpan by)
    {
        var step = TimeSpan.FromMilliseconds(50);
        for (var done = TimeSpan.Zero; done < by; done += step)
        {
            _time.Advance(by - done < step ? by - done : step);
        }
    }

    private static DiscoveredEndpoint Publisher(Ros.Messages.RosTypeName type) =>
        new("/cmd_vel", "rt/cmd_vel", type.Dds, type, IsPublisher: true, QosProfile.Default);
}
