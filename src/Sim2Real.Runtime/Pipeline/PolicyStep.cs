using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// One inference as the policy thread runs it: the raw frame through the same <see cref="FramePreprocessor"/> and
/// <see cref="FrameStack"/> training used (one frame pushed per policy tick, as one was rendered per agent step;
/// the first frame after a restart fills the stack), then <see cref="IPolicy.Act"/>. Owned by one thread.
/// </summary>
public sealed class PolicyStep
{
    private readonly IPolicy _policy;
    private readonly FramePreprocessor? _preprocessor;
    private readonly TimeProvider _time;
    private readonly int _actions;
    private FrameStack? _stack;

    public PolicyStep(IPolicy policy, FramePreprocessor? preprocessor, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _preprocessor = preprocessor;
        _time = time ?? TimeProvider.System;
        _actions = policy.ActionSpec.Size;
    }

    public InferenceResult Run(InferenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var action = new float[_actions];
        byte[]? pixels = null;
        uint[] shape = [];
        try
        {
            if (request.Restart)
            {
                _policy.Reset();
                _stack = null;
            }

            if (_preprocessor is not null)
            {
                var frame = request.Frame ?? throw new InvalidDataException("a pixel policy's tick came without a camera frame");
                _stack ??= _preprocessor.NewStack();
                var stacked = _stack.Push(frame, DateTimeOffset.UnixEpoch);
                pixels = stacked.Data;
                shape = [(uint)stacked.Channels, (uint)stacked.Height, (uint)stacked.Width];
            }

            _policy.Act(new Observation(request.State, pixels), action);
            // Copied on the policy thread, before the next Act overwrites it.
            return new InferenceResult(request.Tick, action, pixels, shape, _time.GetElapsedTime(started), null) { Latent = _policy.Latent.ToArray() };
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FrameSizeMismatchException or TorchException)
        {
            return new InferenceResult(request.Tick, action, pixels, shape, _time.GetElapsedTime(started), e);
        }
    }
}
