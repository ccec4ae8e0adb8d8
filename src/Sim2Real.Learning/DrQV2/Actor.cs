using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>The reference Actor: trunk Linear-LayerNorm-Tanh to feature_dim, then an MLP whose tanh output is the mean action.</summary>
public sealed class Actor : Module
{
    public Actor(long reprDim, long actionDim, long featureDim, long hiddenDim)
    {
        Trunk = RegisterModule("trunk", new Sequential(new Linear(reprDim, featureDim), new LayerNorm(featureDim), new Tanh()));
        Policy = RegisterModule("policy", new Sequential(
            new Linear(featureDim, hiddenDim), new ReLU(),
            new Linear(hiddenDim, hiddenDim), new ReLU(),
            new Linear(hiddenDim, actionDim)));
        ActionDim = actionDim;
        WeightInit.Apply(this);
    }

    public Sequential Trunk { get; }

    public Sequential Policy { get; }

    public long ActionDim { get; }

    public TruncatedNormal Forward(Tensor features, double stddev)
    {
        using var scope = TensorScope.Begin();
        var mu = Policy.Forward(Trunk.Forward(features)).Tanh();
        return new TruncatedNormal(mu.Keep(), stddev);
    }
}
