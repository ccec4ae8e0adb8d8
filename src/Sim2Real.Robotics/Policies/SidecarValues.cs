using System.Globalization;
using System.Text.RegularExpressions;
using Sim2Real.Core;

namespace Sim2Real.Robotics.Policies;

/// <summary>
/// Reads the loosely typed values of a sidecar (YAML gives a scalar as a string, a mapping as a dictionary, a
/// sequence as a list). Per-joint values follow Isaac Lab's habit: one value for every joint, or a map whose keys are
/// joint names or regular expressions matched against the whole name; each joint must match exactly one key and
/// each key at least one joint, so a typo is refused instead of leaving a joint at a default.
/// </summary>
internal static class SidecarValues
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>One number per joint, in <paramref name="joints"/> order.</summary>
    public static double[] PerJoint(object? value, IReadOnlyList<string> joints, string source, string field) =>
        Resolve(value, joints, source, field, (v, f) => Number(v, source, f));

    /// <summary>One [min, max] pair per joint.</summary>
    public static double[][] PerJointPair(object? value, IReadOnlyList<string> joints, string source, string field) =>
        Resolve(value, joints, source, field, (v, f) =>
        {
            var pair = Numbers(v, source, f);
            if (pair.Length != 2 || !(pair[0] < pair[1]))
            {
                throw new InvalidConfigException(source, f, $"a range is written [min, max] with min < max, got [{string.Join(", ", pair)}]");
            }

            return pair;
        });

    public static double Number(object? value, string source, string field)
    {
        if (value is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        throw new InvalidConfigException(source, field, $"must be a finite number, got {Show(value)}");
    }

    /// <summary>A list of numbers; a single number reads as a list of one.</summary>
    public static double[] Numbers(object? value, string source, string field) => value switch
    {
        List<object> list => list.Select((v, i) => Number(v, source, $"{field}[{i}]")).ToArray(),
        string => [Number(value, source, field)],
        _ => throw new InvalidConfigException(source, field, $"must be a number or a list of numbers, got {Show(value)}"),
    };

    private static T[] Resolve<T>(object? value, IReadOnlyList<string> joints, string source, string field, Func<object?, string, T> read)
    {
        if (value is null)
        {
            throw new InvalidConfigException(source, field, "missing: give one value for every joint, or a map from joint names (or regular expressions) to values");
        }

        if (value is not Dictionary<object, object> map)
        {
            var all = read(value, field);
            return joints.Select(_ => all).ToArray();
        }

        var keys = map.Select(entry => (Key: entry.Key as string ?? "", entry.Value)).ToList();
        var patterns = keys.Select(k => Pattern(k.Key, source, field)).ToList();
        var used = new bool[keys.Count];
        var result = new T[joints.Count];
        for (var j = 0; j < joints.Count; j++)
        {
            var matches = Enumerable.Range(0, keys.Count).Where(k => patterns[k].IsMatch(joints[j])).ToList();
            if (matches.Count != 1)
            {
                throw new InvalidConfigException(source, field, matches.Count == 0
                    ? $"no key matches joint '{joints[j]}' (keys: {string.Join(", ", keys.Select(k => $"'{k.Key}'"))})"
                    : $"joint '{joints[j]}' matches more than one key: {string.Join(", ", matches.Select(k => $"'{keys[k].Key}'"))}");
            }

            used[matches[0]] = true;
            result[j] = read(keys[matches[0]].Value, $"{field}.{keys[matches[0]].Key}");
        }

        var unused = Enumerable.Range(0, keys.Count).Where(k => !used[k]).Select(k => $"'{keys[k].Key}'").ToList();
        if (unused.Count > 0)
        {
            throw new InvalidConfigException(source, field, $"{string.Join(", ", unused)} matches none of joint_names [{string.Join(", ", joints)}]");
        }

        return result;
    }

    private static Regex Pattern(string key, string source, string field)
    {
        if (key.Length == 0)
        {
            throw new InvalidConfigException(source, field, "keys are joint names or regular expressions, and must not be empty");
        }

        try
        {
            return new Regex($"^(?:{key})$", RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InvalidConfigException(source, $"{field}.{key}", $"not a regular expression: {e.Message}", e);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        List<object> => "a list",
        Dictionary<object, object> => "a map",
        _ => value.GetType().Name,
    };
}
