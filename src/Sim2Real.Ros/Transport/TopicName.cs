using Sim2Real.Core;

namespace Sim2Real.Ros.Transport;

/// <summary>ROS 2 topic names and their DDS spelling: <c>/a/b</c> is the DDS topic <c>rt/a/b</c>.</summary>
public static class TopicName
{
    /// <summary>Resolves <paramref name="name"/> against <paramref name="ns"/> and validates it as rcl does.</summary>
    public static string Resolve(string name, string ns = "/")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(ns);
        var full = name.StartsWith('/') ? name : (ns.TrimEnd('/') + "/" + name);
        var tokens = full.Split('/')[1..];
        var ok = full.Length > 1 && !full.EndsWith('/') && !full.Contains("//", StringComparison.Ordinal)
            && tokens.All(t => t.Length > 0 && !char.IsAsciiDigit(t[0]) && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'));
        if (!ok)
        {
            throw new InvalidConfigException(name, "topic name", "not a valid ROS 2 topic name (e.g. /camera/image_raw: letters, digits and underscores between slashes, no token starting with a digit)");
        }

        return full;
    }

    /// <summary>The DDS topic for a ROS 2 topic: <c>rt</c> + the fully qualified name.</summary>
    public static string ToDds(string rosName) => "rt" + Resolve(rosName);

    /// <summary>The ROS 2 topic behind a DDS topic, or null when it is not a ROS topic (no <c>rt/</c> prefix).</summary>
    public static string? FromDds(string ddsName)
    {
        ArgumentNullException.ThrowIfNull(ddsName);
        return ddsName.StartsWith("rt/", StringComparison.Ordinal) ? ddsName[2..] : null;
    }

    public static bool IsValidNodeName(string name) =>
        !string.IsNullOrEmpty(name) && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public static bool IsValidNamespace(string ns) =>
        ns == "/" || (ns.StartsWith('/') && !ns.EndsWith('/') && ns.Split('/')[1..].All(IsValidNodeName));
}
