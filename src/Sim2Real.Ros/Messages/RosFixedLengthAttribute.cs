namespace Sim2Real.Ros.Messages;

/// <summary>Marks a fixed-size array field (<c>float64[9] k</c>): exactly this many elements, no length on the wire.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RosFixedLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
