using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Training.Collection;

/// <summary>What one environment step gives the learner: the step, and the observation the agent sees next.</summary>
public readonly record struct CollectedStep(TimeStep Step, Observation Observation);
