using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Training;

/// <summary>
/// A trained agent as a deterministic controller: the mean action for the observation of each step, the way
/// held-out evaluation acts. Pixel agents read the stacked frames, state agents the proprioceptive and task vector.
/// </summary>
public sealed class AgentPolicy : IDisposable
{
    private readonly DrQV2Agent _agent;
    private readonly string _source;

    private AgentPolicy(DrQV2Agent agent, string source)
    {
        _agent = agent;
        _source = source;
    }

    /// <summary>Whether the agent acts on [C,H,W] frames rather than a state vector.</summary>
    public bool Pixels => _agent.ObsShape.Length == 3;

    /// <exception cref="Learning.Checkpoints.SafetensorsFormatException">The file is truncated or malformed.</exception>
    /// <exception cref="Learning.Checkpoints.CheckpointMismatchException">Tensors are missing, extra or misshaped.</exception>
    public static AgentPolicy Load(string checkpoint, string device = "cpu") =>
        new(AgentCheckpoint.Load(checkpoint, device: Device.Parse(device)), checkpoint);

    /// <exception cref="InvalidDataException">The observation's size is not the one the agent was trained on.</exception>
    public void Act(TimeStep step, Span<float> action)
    {
        using var scope = TensorScope.Begin();
        using var obs = ObservationTensors.From(step, _agent.ObsShape, _agent.Device, _source);
        _agent.Act(obs, 0, evalMode: true).CopyTo<float>(action);
    }

    public void Dispose() => _agent.Dispose();
}
