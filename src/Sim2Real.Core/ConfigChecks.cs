namespace Sim2Real.Core;

/// <summary>The range checks every config uses, each naming the source and field it refuses.</summary>
public static class ConfigChecks
{
    /// <exception cref="InvalidConfigException">The value is not a finite number above zero.</exception>
    public static void Positive(string source, string field, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new InvalidConfigException(source, field, $"must be a positive number, got {value}");
        }
    }

    /// <exception cref="InvalidConfigException">The value is not a finite number at or above zero.</exception>
    public static void NonNegative(string source, string field, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new InvalidConfigException(source, field, $"must be zero or positive, got {value}");
        }
    }
}
