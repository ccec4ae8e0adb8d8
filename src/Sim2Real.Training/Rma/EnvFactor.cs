namespace Sim2Real.Training.Rma;

/// <summary>One element of RMA's e_t: its name, unit and training range, over which it is normalised to [-1, 1].</summary>
public sealed record EnvFactor(string Name, string Unit, double Min, double Max)
{
    /// <summary>2 (e - min) / (max - min) - 1: training values in [-1, 1], test values beyond it outside.</summary>
    public float Normalize(double value) => Max > Min ? (float)((2 * (value - Min) / (Max - Min)) - 1) : 0f;
}
