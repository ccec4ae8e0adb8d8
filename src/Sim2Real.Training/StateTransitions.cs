using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Replay;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Training;

/// <summary>Proprioceptive and task state (float [D]) per step, no frame stack.</summary>
internal sealed class StateTransitions(ReplayBuffer<float> buffer, Device device) : ITransitionStore
{
    private ReplayBatch<float>? _batch;

    public long StepsWritten => buffer.StepsWritten;

    public void StartEpisode(Observation first) => buffer.StartEpisode(first.State);

    public void Add(ReadOnlySpan<float> action, float reward, float discount, Observation next) =>
        buffer.Add(action, reward, discount, next.State);

    public TransitionBatch Sample(int batchSize)
    {
        if (_batch is null || _batch.BatchSize != batchSize)
        {
            _batch = new ReplayBatch<float>(buffer.Options, batchSize);
        }

        buffer.Sample(_batch);
        var dim = buffer.Options.ObservationLength;
        return new TransitionBatch(
            Tensor.FromSpan<float>(_batch.Observation, [batchSize, dim], device),
            Tensor.FromSpan<float>(_batch.Action, [batchSize, buffer.Options.ActionDim], device),
            Tensor.FromSpan<float>(_batch.Reward, [batchSize, 1], device),
            Tensor.FromSpan<float>(_batch.Discount, [batchSize, 1], device),
            Tensor.FromSpan<float>(_batch.NextObservation, [batchSize, dim], device));
    }

    public ReplayState CaptureState() => buffer.CaptureState();

    public void Dispose() => buffer.Dispose();
}
