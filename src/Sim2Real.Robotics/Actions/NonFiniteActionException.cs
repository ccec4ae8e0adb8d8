namespace Sim2Real.Robotics.Actions;

/// <summary>An action element was NaN or infinite. It is refused before any joint target is set.</summary>
public sealed class NonFiniteActionException : ArgumentException
{
    public NonFiniteActionException(string environment, int index, string actuator, float value)
        : base($"{environment}: action[{index}] (actuator '{actuator}') is {value}; actions must be finite numbers in [-1, 1]")
    {
        Index = index;
        Actuator = actuator;
        Value = value;
    }

    public int Index { get; }

    public string Actuator { get; }

    public float Value { get; }
}
