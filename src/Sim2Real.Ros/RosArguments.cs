using Sim2Real.Core;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros;

/// <summary>
/// ROS 2's command-line habits (rcl's <c>--ros-args</c>): <c>-r old:=new</c> (or <c>--remap</c>) remaps a topic,
/// <c>-r __ns:=/robot1</c> sets the node's namespace and <c>-r __node:=name</c> its name; a rule may be limited to one
/// node as <c>node:old:=new</c>. The arguments run from <c>--ros-args</c> to a lone <c>--</c> or the end, and may come
/// more than once. Names are resolved as rcl does: a relative name is expanded against the namespace, then the first
/// rule whose expanded "from" matches replaces it with its expanded "to".
/// </summary>
public sealed record RosArguments
{
    public const string Flag = "--ros-args";

    /// <summary>No ROS arguments: names resolve against the root namespace unchanged.</summary>
    public static RosArguments None { get; } = new();

    /// <summary>The namespace from <c>__ns</c>, or null to keep the node's default.</summary>
    public string? Namespace { get; init; }

    /// <summary>The node name from <c>__node</c> (or <c>__name</c>), or null to keep the default.</summary>
    public string? NodeName { get; init; }

    /// <summary>Topic remapping rules, in the order given.</summary>
    public IReadOnlyList<RemapRule> Remaps { get; init; } = [];

    /// <summary>
    /// Splits a program's arguments into its own and the ROS ones: everything from <c>--ros-args</c> up to a lone
    /// <c>--</c> (or the end) is ROS's.
    /// </summary>
    /// <exception cref="InvalidConfigException">A ROS argument this implementation does not take, or a malformed rule.</exception>
    public static (RosArguments Ros, string[] Others) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = new List<string>();
        var ros = new List<string>();
        var inside = false;
        foreach (var arg in args)
        {
            if (arg == Flag)
            {
                inside = true;
            }
            else if (inside && arg == "--")
            {
                inside = false;
            }
            else
            {
                (inside ? ros : rest).Add(arg);
            }
        }

        return (Parse(ros), [.. rest]);
    }

    /// <summary>
    /// The ROS arguments among what a program's own parser left over: every one must stand after <c>--ros-args</c>.
    /// </summary>
    /// <exception cref="InvalidConfigException">
    /// An argument outside <c>--ros-args</c> (named with <paramref name="program"/>), or a bad ROS argument.
    /// </exception>
    public static RosArguments ParseLeftovers(IReadOnlyList<string> leftovers, string program)
    {
        var (ros, others) = Split(leftovers);
        if (others.Length > 0)
        {
            throw new InvalidConfigException(program, others[0], "unknown argument (ROS arguments go after --ros-args)");
        }

        return ros;
    }

    /// <summary>Parses the arguments that follow <c>--ros-args</c>.</summary>
    /// <exception cref="InvalidConfigException">A ROS argument this implementation does not take, or a malformed rule.</exception>
    public static RosArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? ns = null;
        string? node = null;
        var remaps = new List<RemapRule>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == Flag)
            {
                continue;
            }

            if (arg is not ("-r" or "--remap"))
            {
                throw new InvalidConfigException(Flag, arg, "not a ROS argument taken here: use -r/--remap old:=new, -r __ns:=/namespace or -r __node:=name");
            }

            if (i + 1 >= args.Count)
            {
                throw new InvalidConfigException(Flag, arg, "needs a rule: old:=new");
            }

            var rule = args[++i];
            var split = rule.IndexOf(":=", StringComparison.Ordinal);
            if (split <= 0 || split == rule.Length - 2)
            {
                throw new InvalidConfigException(Flag, rule, "a remapping rule is from:=to, both sides non-empty");
            }

            var (from, to) = (rule[..split], rule[(split + 2)..]);
            string? onlyNode = null;
            var colon = from.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                onlyNode = from[..colon];
                from = from[(colon + 1)..];
                if (!TopicName.IsValidNodeName(onlyNode))
                {
                    throw new InvalidConfigException(Flag, rule, $"'{onlyNode}' is not a valid node name");
                }
            }

            switch (from)
            {
                case "__ns":
                    if (!TopicName.IsValidNamespace(to))
                    {
                        throw new InvalidConfigException(Flag, rule, $"'{to}' is not a valid namespace (absolute, e.g. /robot1)");
                    }

                    ns = to;
                    break;
                case "__node" or "__name":
                    if (!TopicName.IsValidNodeName(to))
                    {
                        throw new InvalidConfigException(Flag, rule, $"'{to}' is not a valid node name");
                    }

                    node = to;
                    break;
                default:
                    Check(rule, from);
                    Check(rule, to);
                    remaps.Add(new RemapRule(from, to, onlyNode));
                    break;
            }
        }

        return new RosArguments { Namespace = ns, NodeName = node, Remaps = remaps };
    }

    /// <summary>
    /// The fully qualified name <paramref name="name"/> has for a node called <paramref name="node"/> in
    /// <paramref name="defaultNamespace"/> (which <see cref="Namespace"/> overrides), after remapping.
    /// </summary>
    public string Resolve(string name, string node, string defaultNamespace = "/")
    {
        var ns = Namespace ?? defaultNamespace;
        var full = TopicName.Resolve(name, ns);
        var self = NodeName ?? node;
        foreach (var rule in Remaps)
        {
            if ((rule.Node is null || rule.Node == self) && TopicName.Resolve(rule.From, ns) == full)
            {
                return TopicName.Resolve(rule.To, ns);
            }
        }

        return full;
    }

    /// <summary><paramref name="options"/> with this namespace and node name applied.</summary>
    public RosOptions ApplyTo(RosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { Namespace = Namespace ?? options.Namespace, NodeName = NodeName ?? options.NodeName };
    }

    private static void Check(string rule, string name)
    {
        if (name.Contains('~', StringComparison.Ordinal) || name.Contains('{', StringComparison.Ordinal))
        {
            throw new InvalidConfigException(Flag, rule, "private (~) and substituted ({}) names are not supported; give the topic name");
        }

        // Validates the name's tokens; a relative name is checked as if in the root namespace.
        _ = TopicName.Resolve(name);
    }
}
