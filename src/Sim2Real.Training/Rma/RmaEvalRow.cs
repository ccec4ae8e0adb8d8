namespace Sim2Real.Training.Rma;

/// <summary>
/// One cell block of the table: a policy on a world over N episodes. Success and final error at the last step;
/// return summed; torque the mean |actuator force| (N m) and smoothness the mean |Δ force| per control step, both
/// read at policy ticks and averaged over the actuators.
/// </summary>
public sealed record RmaEvalRow(string World, string Policy, int Episodes, double Success, double Return, double FinalError, double Torque, double Smoothness);
