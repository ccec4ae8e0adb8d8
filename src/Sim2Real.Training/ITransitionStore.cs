using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Replay;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Training;

/// <summary>The replay buffer seen from the training loop, whatever the element type of its frames.</summary>
internal interface ITransitionStore : IDisposable
{
    long StepsWritten { get; }

    void StartEpisode(TimeStep first);

    void Add(ReadOnlySpan<float> action, TimeStep next);

    /// <summary>A batch of n-step transitions as tensors (obs, action, reward [B,1], discount [B,1], next_obs).</summary>
    TransitionBatch Sample(int batchSize);

    ReplayState CaptureState();
}
