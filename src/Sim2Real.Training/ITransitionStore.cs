using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Replay;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Training;

/// <summary>The replay buffer seen from the training loop, whatever the element type of its frames.</summary>
internal interface ITransitionStore : IDisposable
{
    long StepsWritten { get; }

    /// <summary>The first observation of an episode, as the policy saw it.</summary>
    void StartEpisode(Observation first);

    void Add(ReadOnlySpan<float> action, float reward, float discount, Observation next);

    /// <summary>A batch of n-step transitions as tensors (obs, action, reward [B,1], discount [B,1], next_obs).</summary>
    TransitionBatch Sample(int batchSize);

    ReplayState CaptureState();
}
