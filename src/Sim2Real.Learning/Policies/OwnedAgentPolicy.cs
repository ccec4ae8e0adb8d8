using Sim2Real.Learning.DrQV2;
using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Learning.Policies;

/// <summary>
/// A whole DrQ-v2 agent (a weights-only checkpoint, as the PyTorch cross-check writes) acting through its actor.
/// It owns the agent. Only tools that need no robot use it (<c>agent act</c>); nothing that drives a robot accepts
/// a checkpoint without a manifest.
/// </summary>
public sealed class OwnedAgentPolicy(DrQV2Agent agent, string source) : IPolicy
{
    private readonly DrQV2Policy _actor = DrQV2Policy.Borrow(agent, source);

    public IReadOnlyList<ArraySpec> ObservationSpec => _actor.ObservationSpec;

    public ArraySpec ActionSpec => _actor.ActionSpec;

    public void Reset() => _actor.Reset();

    public void Act(Observation observation, Span<float> action) => _actor.Act(observation, action);

    public void Dispose()
    {
        _actor.Dispose();
        agent.Dispose();
    }
}
