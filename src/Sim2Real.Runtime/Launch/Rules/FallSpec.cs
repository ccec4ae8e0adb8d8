namespace Sim2Real.Runtime.Launch.Rules;

/// <summary>fall (floating base): trips when the base (odometry) drops below <c>min_base_height_m</c>.</summary>
public sealed record FallSpec
{
    public double? MinBaseHeightM { get; init; }

    internal double Resolve(string source, string field) => RequiredField.Positive(MinBaseHeightM, source, $"{field}.min_base_height_m");
}
