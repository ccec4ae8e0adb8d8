using Sim2Real.Core;

namespace Sim2Real.Runtime.Launch.Rules;

/// <summary>Required scalars of a launch file: missing is an error that names the field, as is a value out of range.</summary>
internal static class RequiredField
{
    public static double Positive(double? value, string source, string field)
    {
        var v = value ?? throw new InvalidConfigException(source, field, "missing; every watchdog states its limit in the launch file");
        ConfigChecks.Positive(source, field, v);
        return v;
    }

    public static int AtLeast(int? value, int minimum, string source, string field)
    {
        var v = value ?? throw new InvalidConfigException(source, field, "missing; every watchdog states its limit in the launch file");
        if (v < minimum)
        {
            throw new InvalidConfigException(source, field, $"must be at least {minimum}, got {v}");
        }

        return v;
    }
}
