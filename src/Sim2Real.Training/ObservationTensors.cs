using Sim2Real.Learning.Tensors;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Training;

/// <summary>
/// One step's observation as the agent's input [1, ...]: the stacked uint8 frames for pixel agents ([C,H,W]), the
/// proprioceptive and task vector for state agents. Training, evaluation and <see cref="AgentPolicy"/> all read
/// observations through here, so a policy sees exactly what it was trained on.
/// </summary>
internal static class ObservationTensors
{
    /// <param name="source">Named in errors: the checkpoint or run the agent comes from.</param>
    /// <exception cref="InvalidDataException">The observation is missing or not of the agent's size.</exception>
    public static Tensor From(TimeStep step, IReadOnlyList<long> obsShape, Device device, string source)
    {
        long[] shape = [1, .. obsShape];
        var expected = obsShape.Aggregate(1L, (a, b) => a * b);
        if (obsShape.Count == 3)
        {
            var pixels = step.Observation.Pixels
                ?? throw new InvalidDataException($"{source}: the agent acts on pixels [{string.Join(",", obsShape)}] but the environment gives none");
            Check(pixels.Length, "pixels");
            return Tensor.FromSpan<byte>(pixels, shape, device);
        }

        var state = step.Observation.State();
        Check(state.Length, "state");
        return Tensor.FromSpan<float>(state, shape, device);

        void Check(long actual, string what)
        {
            if (actual != expected)
            {
                throw new InvalidDataException($"{source}: the agent expects a {what} observation of shape [{string.Join(",", obsShape)}] ({expected} values); the environment gives {actual}");
            }
        }
    }
}
