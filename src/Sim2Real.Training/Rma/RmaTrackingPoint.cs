namespace Sim2Real.Training.Rma;

/// <summary>One policy tick of the ẑ tracking run: the payload, and the RMS distance to z = μ(e_t) of ẑ (with φ) and of the mean z (without).</summary>
public readonly record struct RmaTrackingPoint(double TimeS, double PayloadKg, double ErrorWithPhi, double ErrorWithoutPhi);
