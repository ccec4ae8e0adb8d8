using System.Globalization;
using Sim2Real.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sim2Real.Vision.Calibration;

/// <summary>Typed field access on YAML mappings; every failure names the file and the dotted field.</summary>
internal static class YamlFields
{
    /// <summary>The root mapping of the YAML file at <paramref name="path"/>.</summary>
    /// <param name="what">What the file is, for a missing one ("hand-eye input file").</param>
    /// <param name="expected">The fields a mapping should have, for a document that is not one.</param>
    /// <exception cref="InvalidConfigException">No such file, not YAML, or not a mapping; names the file.</exception>
    public static YamlMappingNode ReadMapping(string path, string what, string expected)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InvalidConfigException(path, "(file)", Directory.Exists(path) ? $"is a folder; give the {what}" : $"no such {what}");
        }

        return ParseMapping(File.ReadAllText(path), path, expected);
    }

    /// <summary>The root mapping of <paramref name="yaml"/>, read from <paramref name="source"/>.</summary>
    /// <exception cref="InvalidConfigException">Not YAML, or not a mapping; names the source and the line.</exception>
    public static YamlMappingNode ParseMapping(string yaml, string source, string expected)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InvalidConfigException(source, "(document)", $"not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new InvalidConfigException(source, "(document)", $"expected a mapping with {expected}");
    }

    public static YamlNode Required(YamlMappingNode map, string key, string source, string? parent = null)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            throw new InvalidConfigException(source, Dotted(parent, key), $"missing (line {map.Start.Line})");
        }

        return node;
    }

    public static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? OptionalString(YamlMappingNode map, string key, string source, string? parent = null) =>
        Optional(map, key) switch
        {
            null => null,
            YamlScalarNode s => s.Value,
            var other => throw new InvalidConfigException(source, Dotted(parent, key), $"expected a string at line {other.Start.Line}"),
        };

    public static string String(YamlMappingNode map, string key, string source, string? parent = null) =>
        OptionalString(map, key, source, parent) ?? throw new InvalidConfigException(source, Dotted(parent, key), "missing");

    public static int Int(YamlMappingNode map, string key, string source, string? parent = null)
    {
        var node = Required(map, key, source, parent);
        if (node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result))
        {
            return result;
        }

        throw new InvalidConfigException(source, Dotted(parent, key), $"expected an integer at line {node.Start.Line}, got '{Describe(node)}'");
    }

    public static double Double(YamlMappingNode map, string key, string source, string? parent = null) =>
        ParseDouble(Required(map, key, source, parent), source, Dotted(parent, key));

    public static double[] Doubles(YamlMappingNode map, string key, string source, string? parent = null)
    {
        var field = Dotted(parent, key);
        if (Required(map, key, source, parent) is not YamlSequenceNode seq)
        {
            throw new InvalidConfigException(source, field, "expected a list of numbers");
        }

        var result = new double[seq.Children.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ParseDouble(seq.Children[i], source, $"{field}[{i}]");
        }

        return result;
    }

    /// <summary>Shortest round-trip form, always with a '.' before an exponent: YAML 1.1 readers (PyYAML) take 1E-05 for a string.</summary>
    public static string Number(double value)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        var e = s.IndexOf('E', StringComparison.Ordinal);
        return e >= 0 && !s.Contains('.', StringComparison.Ordinal) ? $"{s[..e]}.0{s[e..]}" : s;
    }

    private static double ParseDouble(YamlNode node, string source, string field)
    {
        if (node is YamlScalarNode { Value: { } v }
            && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return d;
        }

        throw new InvalidConfigException(source, field, $"expected a finite number at line {node.Start.Line}, got '{Describe(node)}'");
    }

    private static string Describe(YamlNode node) => node is YamlScalarNode s ? s.Value ?? "" : node.NodeType.ToString();

    private static string Dotted(string? parent, string key) => parent is null ? key : $"{parent}.{key}";
}
