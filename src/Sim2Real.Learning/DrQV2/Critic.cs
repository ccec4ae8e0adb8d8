using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>The reference Critic: a shared trunk, then twin Q heads Q1 and Q2 on [features, action].</summary>
public sealed class Critic : Module
{
    public Critic(long reprDim, long actionDim, long featureDim, long hiddenDim)
    {
        Trunk = RegisterModule("trunk", new Sequential(new Linear(reprDim, featureDim), new LayerNorm(featureDim), new Tanh()));
        Q1 = RegisterModule("Q1", Head(featureDim + actionDim, hiddenDim));
        Q2 = RegisterModule("Q2", Head(featureDim + actionDim, hiddenDim));
        WeightInit.Apply(this);
    }

    public Sequential Trunk { get; }

    public Sequential Q1 { get; }

    public Sequential Q2 { get; }

    public (Tensor Q1, Tensor Q2) Forward(Tensor features, Tensor action)
    {
        using var scope = TensorScope.Begin();
        var h = Trunk.Forward(features);
        var hAction = Tensor.Cat([h, action], -1);
        return (Q1.Forward(hAction).Keep(), Q2.Forward(hAction).Keep());
    }

    private static Sequential Head(long inputs, long hidden) => new(
        new Linear(inputs, hidden), new ReLU(),
        new Linear(hidden, hidden), new ReLU(),
        new Linear(hidden, 1));
}
