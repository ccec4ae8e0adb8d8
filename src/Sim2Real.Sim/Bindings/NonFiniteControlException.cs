namespace Sim2Real.Sim.Bindings;

/// <summary>A control value was NaN or infinite; it was rejected before mj_step so the simulation state is untouched.</summary>
public sealed class NonFiniteControlException : ArgumentException
{
    public NonFiniteControlException(string model, int index, string actuator, double value)
        : base($"{model}: control for actuator '{actuator}' (ctrl[{index}]) is {value}; non-finite controls are rejected before mj_step")
    {
        Index = index;
        Actuator = actuator;
        Value = value;
    }

    public int Index { get; }

    public string Actuator { get; }

    public double Value { get; }
}
