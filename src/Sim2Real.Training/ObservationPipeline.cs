using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Environments;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Training;

/// <summary>
/// Turns an environment step into what the policy sees. A state policy sees the step's state vector as it is; a
/// pixel policy also gets the camera's raw frame run through Vision's <see cref="FramePreprocessor"/> and stacked
/// once per policy tick, the same pipeline the deployment runtime applies to camera images. One per environment;
/// the stack restarts at each episode's first step.
/// </summary>
public sealed class ObservationPipeline
{
    private readonly FramePreprocessor? _preprocessor;
    private FrameStack? _stack;

    /// <param name="frames">The frame pipeline of a pixel policy; null for a state policy.</param>
    public ObservationPipeline(FramePreprocessorOptions? frames)
    {
        _preprocessor = frames is null ? null : new FramePreprocessor(frames, "training frame pipeline");
    }

    public FramePreprocessorOptions? Frames => _preprocessor?.Options;

    /// <summary>[stack x 3, H, W] of the pixel observation; null for a state policy.</summary>
    public int[]? PixelShape => _preprocessor is null ? null
        : [3 * _preprocessor.Options.FrameStack, _preprocessor.Options.OutputHeight, _preprocessor.Options.OutputWidth];

    /// <exception cref="InvalidOperationException">A pixel pipeline got a step without a camera frame.</exception>
    public Observation Observe(TimeStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_preprocessor is null)
        {
            return step.Observation;
        }

        var frame = step.Frame ?? throw new InvalidOperationException("a pixel policy needs an environment that renders camera frames (EnvironmentOptions.Pixels)");
        if (step.IsFirst || _stack is null)
        {
            _stack = _preprocessor.NewStack();
        }

        // The stack's timestamps are the runtime's concern; simulated frames carry the step instead.
        var stacked = _stack.Push(frame, DateTimeOffset.UnixEpoch);
        return step.Observation.WithPixels(stacked.Data);
    }
}
