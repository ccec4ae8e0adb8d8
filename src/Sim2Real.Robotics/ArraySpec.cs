namespace Sim2Real.Robotics;

/// <summary>Name, shape, element type and bounds of one observation array or of the action (dm_env's BoundedArray).</summary>
public sealed record ArraySpec(string Name, IReadOnlyList<int> Shape, ArrayDType DType, double Minimum, double Maximum)
{
    /// <summary>Number of elements: the product of <see cref="Shape"/>.</summary>
    public int Size => Shape.Aggregate(1, (a, b) => a * b);

    public override string ToString() => $"{Name}: {DType.ToString().ToLowerInvariant()}[{string.Join(", ", Shape)}] in [{Minimum}, {Maximum}]";
}
