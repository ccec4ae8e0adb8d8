using Sim2Real.Robotics.Spec;

namespace Sim2Real.SimRobot.Commands;

/// <summary>The robot's joints in command order with their position limits: what every command is checked against.</summary>
internal sealed class JointLimits
{
    private readonly double[] _low;
    private readonly double[] _high;

    public JointLimits(RobotSpec spec)
    {
        Names = spec.JointNames;
        _low = spec.Joints.Select(j => j.PositionLimitRad.Min).ToArray();
        _high = spec.Joints.Select(j => j.PositionLimitRad.Max).ToArray();
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => _low.Length;

    /// <summary>Copies <paramref name="values"/> into <paramref name="target"/> within the limits (enforce_command_limits); returns how many were clamped.</summary>
    public int Clamp(ReadOnlySpan<double> values, Span<double> target)
    {
        var clamped = 0;
        for (var i = 0; i < _low.Length; i++)
        {
            target[i] = Math.Clamp(values[i], _low[i], _high[i]);
            if (target[i] != values[i])
            {
                clamped++;
            }
        }

        return clamped;
    }

    /// <summary>Why <paramref name="values"/> cannot be a command for every joint (size, then finiteness), or null.</summary>
    public string? Problem(ReadOnlySpan<double> values, string what)
    {
        if (values.Length != _low.Length)
        {
            return $"{what} has {values.Length} values for {_low.Length} joints ({string.Join(", ", Names)})";
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return $"{what} value {i} ({Names[i]}) is {values[i]}";
            }
        }

        return null;
    }
}
