namespace Sim2Real.Robotics.Policies;

/// <summary>
/// Matches joints by name, never by position: a ROS joint_state_broadcaster need not publish joints in the
/// controller's order, and a same-size robot with renamed joints is another robot.
/// </summary>
public static class JointMatching
{
    /// <summary>For each expected joint, its index in <paramref name="actual"/>.</summary>
    /// <param name="what">Names the two sides in the error, e.g. "policy 'p.safetensors'" and "joint_states".</param>
    /// <exception cref="PolicyMismatchException">Joints are missing or unknown; both lists are named.</exception>
    public static int[] Map(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string expectedWhat, string actualWhat)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var missing = expected.Where(n => !actual.Contains(n)).ToList();
        var unknown = actual.Where(n => !expected.Contains(n)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"missing in {actualWhat}: {string.Join(", ", missing)}");
            }

            if (unknown.Count > 0)
            {
                parts.Add($"unknown to {expectedWhat}: {string.Join(", ", unknown)}");
            }

            throw new PolicyMismatchException($"joints differ ({string.Join("; ", parts)}); {expectedWhat} has [{string.Join(", ", expected)}]");
        }

        if (actual.Distinct(StringComparer.Ordinal).Count() != actual.Count)
        {
            throw new PolicyMismatchException($"{actualWhat} lists a joint twice: [{string.Join(", ", actual)}]");
        }

        return expected.Select(n => IndexOf(actual, n)).ToArray();
    }

    private static int IndexOf(IReadOnlyList<string> list, string name)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
