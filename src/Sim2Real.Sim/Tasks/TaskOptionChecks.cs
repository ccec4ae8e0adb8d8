using Sim2Real.Core;

namespace Sim2Real.Sim.Tasks;

internal static class TaskOptionChecks
{
    public static void Steps(string source, string field, int steps)
    {
        if (steps is < 1 or > 1_000_000)
        {
            throw new InvalidConfigException(source, field, $"must be 1..1000000 control steps, got {steps}");
        }
    }

    public static void Positive(string source, string field, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new InvalidConfigException(source, field, $"must be a positive number, got {value}");
        }
    }

    public static void NonNegative(string source, string field, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new InvalidConfigException(source, field, $"must be zero or positive, got {value}");
        }
    }
}
