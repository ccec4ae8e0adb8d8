using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using Sim2Real.Core;
using YamlDotNet.RepresentationModel;

namespace Sim2Real.Ros.Messages;

/// <summary>
/// Field-level access to message records for tools (what rosidl's introspection type support is to ROS 2): the
/// .msg field names, YAML in the shape <c>ros2 topic echo</c> prints and <c>ros2 topic pub</c> reads, and probe values.
/// The hot path (publish/subscribe) never comes here: it uses each record's own CDR codec.
/// </summary>
public static class MessageIntrospection
{
    /// <summary>Arrays longer than this print as their first elements and <c>'...'</c>, as ros2 topic echo does.</summary>
    public const int DefaultTruncateLength = 128;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<MessageField>> FieldCache = new();

    /// <summary>The .msg fields of a record type, in wire order.</summary>
    public static IReadOnlyList<MessageField> Fields(Type type) => FieldCache.GetOrAdd(type, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new MessageField(p.GetCustomAttribute<RosFieldNameAttribute>()?.Name ?? SnakeCase(p.Name), p, p.GetCustomAttribute<RosFixedLengthAttribute>()?.Length))]);

    /// <summary>PascalCase property to the .msg field name: FrameId to frame_id, XOffset to x_offset, BinningX to binning_x.</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>YAML as <c>ros2 topic echo</c> prints one message (without the <c>---</c> separator).</summary>
    public static string ToYaml(object message, int truncateLength = DefaultTruncateLength)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A message without fields (std_msgs/Empty) prints as PyYAML dumps an empty mapping.
        if (Fields(message.GetType()).Count == 0)
        {
            return "{}\n";
        }

        var sb = new StringBuilder();
        WriteFields(sb, message, "", truncateLength);
        return sb.ToString();
    }

    /// <summary>Builds a message from YAML such as <c>{data: hello}</c> or <c>{linear: {x: 0.5}}</c>; absent fields keep defaults.</summary>
    /// <exception cref="InvalidConfigException">The YAML does not fit the type; names the field.</exception>
    public static object FromYaml(string yaml, Type type, string source = "message")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(type);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidConfigException(source, "yaml", e.Message, e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Activator.CreateInstance(type)!;
        }

        return FromNode(stream.Documents[0].RootNode, type, source, "");
    }

    /// <summary>A message with every field set to a non-default value (sequences of two elements).</summary>
    public static object Probe(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var message = Activator.CreateInstance(type)!;
        var i = 0;
        foreach (var field in Fields(type))
        {
            i++;
            field.Property.SetValue(message, ProbeValue(field.Property.PropertyType, field.FixedLength, i));
        }

        return message;
    }

    private static object ProbeValue(Type t, int? fixedLength, int i)
    {
        if (t == typeof(string))
        {
            return $"probe{i}";
        }

        if (t == typeof(bool))
        {
            return true;
        }

        if (t == typeof(byte))
        {
            return (byte)(i + 1);
        }

        if (t == typeof(int))
        {
            return -i;
        }

        if (t == typeof(uint))
        {
            return (uint)i + 100;
        }

        if (t == typeof(ulong))
        {
            // Above 2^32, so a codec that drops the upper half fails the check.
            return (ulong)i + 0x1_0000_0000UL;
        }

        if (t == typeof(float))
        {
            return i + 0.5f;
        }

        if (t == typeof(double))
        {
            return i + 0.25;
        }

        if (t.IsArray)
        {
            var element = t.GetElementType()!;
            var array = Array.CreateInstance(element, fixedLength ?? 2);
            for (var k = 0; k < array.Length; k++)
            {
                array.SetValue(ProbeValue(element, null, i + k), k);
            }

            return array;
        }

        return Probe(t);
    }

    private static void WriteFields(StringBuilder sb, object message, string indent, int truncate)
    {
        foreach (var field in Fields(message.GetType()))
        {
            var value = field.Property.GetValue(message)!;
            sb.Append(indent).Append(field.Name).Append(':');
            WriteValue(sb, value, indent, truncate);
        }
    }

    private static void WriteValue(StringBuilder sb, object value, string indent, int truncate)
    {
        switch (value)
        {
            case Array array:
                if (array.Length == 0)
                {
                    sb.Append(" []\n");
                    return;
                }

                sb.Append('\n');
                var shown = Math.Min(array.Length, truncate);
                for (var k = 0; k < shown; k++)
                {
                    var item = array.GetValue(k)!;
                    if (IsScalar(item))
                    {
                        sb.Append(indent).Append("- ").Append(Scalar(item)).Append('\n');
                    }
                    else
                    {
                        // A message in a list: first field after "- ", the rest aligned under it.
                        var nested = new StringBuilder();
                        WriteFields(nested, item, indent + "  ", truncate);
                        var text = nested.ToString();
                        sb.Append(indent).Append("- ").Append(text[(indent.Length + 2)..]);
                    }
                }

                if (array.Length > shown)
                {
                    sb.Append(indent).Append("- '...'\n");
                }

                return;
            case var v when IsScalar(v):
                sb.Append(' ').Append(Scalar(v)).Append('\n');
                return;
            case var v when Fields(v.GetType()).Count == 0:
                sb.Append(" {}\n");
                return;
            default:
                sb.Append('\n');
                WriteFields(sb, value, indent + "  ", truncate);
                return;
        }
    }

    private static bool IsScalar(object v) => v is string or bool or byte or int or uint or ulong or float or double;

    private static string Scalar(object v) => v switch
    {
        string s => YamlString(s),
        bool b => b ? "true" : "false",
        double d => PythonFloat(d),
        // rclpy holds float32 values as Python floats: echo prints the double nearest the float32.
        float f => PythonFloat(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString()!,
    };

    // Python's repr of a float, which is what ros2 topic echo shows.
    private static string PythonFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return ".nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? ".inf" : "-.inf";
        }

        if (d == Math.Floor(d) && Math.Abs(d) < 1e16)
        {
            return d.ToString("0.0", CultureInfo.InvariantCulture);
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return r;
        }

        var mantissa = r[..e];
        var exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
    }

    // Plain when YAML would read it back as the same string, single-quoted otherwise (as PyYAML dumps).
    private static string YamlString(string s)
    {
        var plain = s.Length > 0
            && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && s is not ("true" or "false" or "True" or "False" or "null" or "Null" or "~" or "yes" or "no" or "on" or "off")
            && "-?:,[]{}#&*!|>'\"%@`".IndexOf(s[0], StringComparison.Ordinal) < 0
            && !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal)
            && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1])
            && s.All(c => !char.IsControl(c));
        if (plain)
        {
            return s;
        }

        return s.All(c => !char.IsControl(c))
            ? "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'"
            : "\"" + string.Concat(s.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c.ToString())) + "\"";
    }

    private static object FromNode(YamlNode node, Type type, string source, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new InvalidConfigException(source, Display(path), $"expected a mapping of {type.Name} fields, e.g. {{field: value}}");
        }

        var fields = Fields(type);
        var message = Activator.CreateInstance(type)!;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var field = fields.FirstOrDefault(f => f.Name == key)
                ?? throw new InvalidConfigException(source, Display(Join(path, key)),
                    $"no such field in {type.Name}; fields are {string.Join(", ", fields.Select(f => f.Name))}");
            field.Property.SetValue(message, Convert(valueNode, field.Property.PropertyType, field.FixedLength, source, Join(path, key)));
        }

        return message;
    }

    private static object Convert(YamlNode node, Type t, int? fixedLength, string source, string path)
    {
        if (t.IsArray)
        {
            var element = t.GetElementType()!;
            if (node is not YamlSequenceNode sequence)
            {
                throw new InvalidConfigException(source, path, "expected a list, e.g. [1.0, 2.0]");
            }

            if (fixedLength is { } n && sequence.Children.Count != n)
            {
                throw new InvalidConfigException(source, path, $"is a fixed-size array of {n} elements, got {sequence.Children.Count}");
            }

            var array = Array.CreateInstance(element, sequence.Children.Count);
            for (var k = 0; k < array.Length; k++)
            {
                array.SetValue(Convert(sequence.Children[k], element, null, source, $"{path}[{k}]"), k);
            }

            return array;
        }

        if (!IsScalarType(t))
        {
            return FromNode(node, t, source, path);
        }

        var text = (node as YamlScalarNode)?.Value
            ?? throw new InvalidConfigException(source, path, $"expected a single {t.Name} value");
        object? value = t switch
        {
            _ when t == typeof(string) => text,
            _ when t == typeof(bool) => text.ToUpperInvariant() switch { "TRUE" or "YES" or "ON" => true, "FALSE" or "NO" or "OFF" => false, _ => null },
            _ when t == typeof(byte) => byte.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : null,
            _ when t == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when t == typeof(uint) => uint.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : null,
            _ when t == typeof(ulong) => ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ul) ? ul : null,
            _ when t == typeof(float) => ParseDouble(text) is double f && (float.IsFinite((float)f) || !double.IsFinite(f)) ? (float)f : null,
            _ when t == typeof(double) => ParseDouble(text),
            _ => null,
        };
        return value ?? throw new InvalidConfigException(source, path, $"'{text}' is not a valid {YamlTypeName(t)}");
    }

    private static object? ParseDouble(string text) => text switch
    {
        ".nan" or ".NaN" or "nan" => double.NaN,
        ".inf" or "inf" or "+.inf" => double.PositiveInfinity,
        "-.inf" or "-inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
    };

    private static bool IsScalarType(Type t) =>
        t == typeof(string) || t == typeof(bool) || t == typeof(byte) || t == typeof(int) || t == typeof(uint) || t == typeof(ulong)
        || t == typeof(float) || t == typeof(double);

    private static string YamlTypeName(Type t) =>
        t == typeof(byte) ? "uint8 (0..255)" : t == typeof(int) ? "int32" : t == typeof(uint) ? "uint32" : t == typeof(ulong) ? "uint64"
        : t == typeof(float) ? "float32" : t == typeof(double) ? "float64" : t == typeof(bool) ? "bool (true/false)" : t.Name;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Display(string path) => path.Length == 0 ? "(message)" : path;
}
