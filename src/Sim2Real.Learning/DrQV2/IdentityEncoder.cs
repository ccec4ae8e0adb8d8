using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>The state-based variant: proprioceptive features go to actor and critic unchanged (no parameters).</summary>
public sealed class IdentityEncoder(long stateDim) : ObservationEncoder
{
    public override long RepresentationDim { get; } = stateDim;

    public override bool IsPixels => false;

    public override Tensor Forward(Tensor input) => input.Float();
}
