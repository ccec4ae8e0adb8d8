using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Learning.Policies;

/// <summary>
/// One observation as a network's input [1, ...]: the stacked uint8 frames for a pixel encoder ([C,H,W]), the state
/// vector for a state encoder ([D]). Every policy and the training loop's exploration read observations through
/// here, so a policy sees exactly what it was trained on.
/// </summary>
public static class PolicyInput
{
    /// <param name="source">Named in errors: the policy file or run.</param>
    /// <exception cref="InvalidDataException">The observation is missing or not of the expected size.</exception>
    public static Tensor From(Observation observation, IReadOnlyList<long> obsShape, Device device, string source)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentNullException.ThrowIfNull(obsShape);
        long[] shape = [1, .. obsShape];
        var expected = obsShape.Aggregate(1L, (a, b) => a * b);
        if (obsShape.Count == 3)
        {
            var pixels = observation.Pixels
                ?? throw new InvalidDataException($"{source}: acts on pixels [{string.Join(",", obsShape)}] but the observation has none");
            Check(pixels.Length, "pixels");
            return Tensor.FromSpan<byte>(pixels, shape, device);
        }

        Check(observation.State.Length, "state");
        return Tensor.FromSpan<float>(observation.State, shape, device);

        void Check(long actual, string what)
        {
            if (actual != expected)
            {
                throw new InvalidDataException($"{source}: expects a {what} observation of shape [{string.Join(",", obsShape)}] ({expected} values); the observation has {actual}");
            }
        }
    }
}
