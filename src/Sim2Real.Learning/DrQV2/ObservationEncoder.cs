using Sim2Real.Learning.Modules;

namespace Sim2Real.Learning.DrQV2;

/// <summary>Maps a batch of observations to flat features [B, RepresentationDim] for actor and critic.</summary>
public abstract class ObservationEncoder : Layer
{
    public abstract long RepresentationDim { get; }

    /// <summary>Pixels get the random-shift augmentation; proprioceptive states do not.</summary>
    public abstract bool IsPixels { get; }
}
