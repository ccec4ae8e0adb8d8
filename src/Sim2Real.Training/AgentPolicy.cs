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
        using var obs = Observe(step);
        _agent.Act(obs, 0, evalMode: true).CopyTo<float>(action);
    }

    private Tensor Observe(TimeStep step)
    {
        long[] shape = [1, .. _agent.ObsShape];
        var expected = _agent.ObsShape.Aggregate(1L, (a, b) => a * b);
        if (Pixels)
        {
            var pixels = step.Observation.Pixels
                ?? throw new InvalidDataException($"{_source}: the agent acts on pixels [{string.Join(",", _agent.ObsShape)}] but the environment gives none");
            Check(pixels.Length, expected, "pixels");
            return Tensor.FromSpan<byte>(pixels, shape, _agent.Device);
        }

        var state = step.Observation.State();
        Check(state.Length, expected, "state");
        return Tensor.FromSpan<float>(state, shape, _agent.Device);
    }

    private void Check(long actual, long expected, string what)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"{_source}: the agent expects a {what} observation of shape [{string.Join(",", _agent.ObsShape)}] ({expected} values); the environment gives {actual}");
        }
    }

    public void Dispose() => _agent.Dispose();
}
