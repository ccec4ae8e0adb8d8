using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Replay;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Training;

/// <summary>
/// Camera frames: the frame pipeline hands over stacks [k*3, H, W] (oldest first); the buffer keeps only the newest
/// frame of each step and rebuilds the stacks when sampling.
/// </summary>
internal sealed class PixelTransitions(ReplayBuffer<byte> buffer, Device device) : ITransitionStore
{
    private ReplayBatch<byte>? _batch;

    public long StepsWritten => buffer.StepsWritten;

    public void StartEpisode(Observation first) => buffer.StartEpisode(Newest(first));

    public void Add(ReadOnlySpan<float> action, float reward, float discount, Observation next) =>
        buffer.Add(action, reward, discount, Newest(next));

    public TransitionBatch Sample(int batchSize)
    {
        if (_batch is null || _batch.BatchSize != batchSize)
        {
            _batch = new ReplayBatch<byte>(buffer.Options, batchSize);
        }

        buffer.Sample(_batch);
        var frame = buffer.Options.FrameShape;
        long[] shape = [batchSize, buffer.Options.FrameStack * frame[0], frame[1], frame[2]];
        return new TransitionBatch(
            Tensor.FromSpan<byte>(_batch.Observation, shape, device),
            Tensor.FromSpan<float>(_batch.Action, [batchSize, buffer.Options.ActionDim], device),
            Tensor.FromSpan<float>(_batch.Reward, [batchSize, 1], device),
            Tensor.FromSpan<float>(_batch.Discount, [batchSize, 1], device),
            Tensor.FromSpan<byte>(_batch.NextObservation, shape, device));
    }

    public ReplayState CaptureState() => buffer.CaptureState();

    public void Dispose() => buffer.Dispose();

    private ReadOnlySpan<byte> Newest(Observation observation)
    {
        var pixels = observation.Pixels ?? throw new InvalidOperationException("pixel training needs observations with stacked frames");
        var length = (int)buffer.Options.FrameLength;
        return pixels.AsSpan(pixels.Length - length, length);
    }
}
