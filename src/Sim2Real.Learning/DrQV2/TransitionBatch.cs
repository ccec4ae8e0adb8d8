using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>
/// A batch of n-step transitions: obs and next_obs (uint8 [B,C,H,W] pixels or float [B,D] states), action [B,A],
/// reward [B,1] (the discounted n-step sum) and discount [B,1] (gamma^n, 0 past a terminal).
/// </summary>
public sealed record TransitionBatch(Tensor Obs, Tensor Action, Tensor Reward, Tensor Discount, Tensor NextObs)
{
    /// <summary>Checks that every tensor has the same leading size B and the documented rank.</summary>
    /// <exception cref="ArgumentException">Names each tensor and its shape.</exception>
    public long Validate()
    {
        var shapes = new (string Name, long[] Shape)[]
        {
            ("obs", Obs.Shape), ("action", Action.Shape), ("reward", Reward.Shape), ("discount", Discount.Shape), ("next_obs", NextObs.Shape),
        };
        var listing = string.Join(", ", shapes.Select(s => $"{s.Name} [{string.Join(", ", s.Shape)}]"));
        if (shapes.Any(s => s.Shape.Length == 0) || shapes.Select(s => s.Shape[0]).Distinct().Count() != 1)
        {
            throw new ArgumentException($"batch tensors disagree in batch size B: {listing}");
        }

        if (Action.Shape.Length != 2 || Reward.Shape is not [_, 1] || Discount.Shape is not [_, 1])
        {
            throw new ArgumentException($"batch needs action [B,A], reward [B,1], discount [B,1]: {listing}");
        }

        if (!Obs.Shape.AsSpan(1).SequenceEqual(NextObs.Shape.AsSpan(1)))
        {
            throw new ArgumentException($"obs and next_obs differ in shape: {listing}");
        }

        return Obs.Shape[0];
    }
}
