namespace Sim2Real.Ros.Graph;

/// <summary>
/// The topics discovery shows with their types, as rcl's <c>rcl_get_topic_names_and_types</c> hands them to
/// <c>ros2 topic list</c>: a topic once, whatever its endpoints, ordered by name; its types each once, ordered.
/// </summary>
public static class TopicNamesAndTypes
{
    public static IReadOnlyList<(string Topic, IReadOnlyList<string> Types)> Of(IEnumerable<DiscoveredEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return [.. endpoints
            .GroupBy(e => e.Topic)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(e => e.TypeDisplay).Distinct().Order(StringComparer.Ordinal)]))];
    }
}
