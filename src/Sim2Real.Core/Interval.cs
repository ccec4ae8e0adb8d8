namespace Sim2Real.Core;

/// <summary>A closed interval [Min, Max] of a physical quantity; the unit is carried by the field's name.</summary>
public readonly record struct Interval(double Min, double Max)
{
    public double Width => Max - Min;

    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>
    /// Checks the interval is finite, ordered and inside [<paramref name="lowest"/>, <paramref name="highest"/>].
    /// </summary>
    /// <exception cref="InvalidConfigException">Names <paramref name="source"/> and <paramref name="field"/>.</exception>
    public Interval Validate(string source, string field, double lowest = double.NegativeInfinity, double highest = double.PositiveInfinity)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max))
        {
            throw new InvalidConfigException(source, field, $"bounds must be finite, got [{Min}, {Max}]");
        }

        if (Min > Max)
        {
            throw new InvalidConfigException(source, field, $"inverted range [{Min}, {Max}]: min must not exceed max");
        }

        if (Min < lowest || Max > highest)
        {
            throw new InvalidConfigException(source, field, $"range [{Min}, {Max}] lies outside the allowed [{lowest}, {highest}]");
        }

        return this;
    }
}
