namespace Sim2Real.Learning.Rma;

/// <summary>Where an RMA policy's extrinsics come from: the four policies of RMA's evaluation share π and differ here.</summary>
public enum RmaMode
{
    /// <summary>ẑ = φ(history), run at φ's own rate: RMA as deployed.</summary>
    Adaptive,

    /// <summary>z fixed at the mean of μ(e) over the training ranges: RMA without adaptation.</summary>
    MeanZ,

    /// <summary>z = μ(e_t) from the observation's privileged factors: the expert, simulation only.</summary>
    Expert,
}
