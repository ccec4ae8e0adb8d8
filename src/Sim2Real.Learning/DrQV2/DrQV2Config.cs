using Sim2Real.Core;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>DrQ-v2 hyperparameters; the defaults are the reference implementation's (cfgs/agent/drqv2.yaml, config.yaml).</summary>
public sealed record DrQV2Config
{
    /// <summary>Adam learning rate for encoder, actor and critic.</summary>
    public double LearningRate { get; init; } = 1e-4;

    public int BatchSize { get; init; } = 256;

    /// <summary>Steps summed into one n-step return.</summary>
    public int NStep { get; init; } = 3;

    public double Discount { get; init; } = 0.99;

    /// <summary>Width of the actor and critic trunks (Linear, LayerNorm, Tanh).</summary>
    public int FeatureDim { get; init; } = 50;

    public int HiddenDim { get; init; } = 1024;

    /// <summary>EMA rate of the critic target.</summary>
    public double CriticTargetTau { get; init; } = 0.01;

    /// <summary>Agent steps between updates.</summary>
    public int UpdateEverySteps { get; init; } = 2;

    /// <summary>Exploration noise schedule, e.g. "linear(1.0,0.1,500000)".</summary>
    public string StddevSchedule { get; init; } = "linear(1.0,0.1,500000)";

    /// <summary>Clip of the noise added to sampled actions in the updates.</summary>
    public double StddevClip { get; init; } = 0.3;

    /// <summary>Steps of uniform random actions before the policy acts.</summary>
    public int NumExplSteps { get; init; } = 2000;

    /// <summary>Random-shift padding in pixels (pixels only); 0 turns the augmentation off.</summary>
    public int ShiftPad { get; init; } = 4;

    /// <summary>What the pixel encoder computes in (fp32 as the reference; bf16 where bf16 kernels exist). States ignore it.</summary>
    public Precision Precision { get; init; } = Precision.Fp32;

    /// <exception cref="InvalidConfigException">A value is out of range; the message names it.</exception>
    public DrQV2Config Validate(string source = "drqv2 config")
    {
        Positive(source, "lr", LearningRate);
        Positive(source, "batch_size", BatchSize);
        Positive(source, "nstep", NStep);
        if (!(Discount > 0 && Discount <= 1))
        {
            throw new InvalidConfigException(source, "discount", $"must lie in (0, 1], got {Discount}");
        }

        Positive(source, "feature_dim", FeatureDim);
        Positive(source, "hidden_dim", HiddenDim);
        if (!(CriticTargetTau > 0 && CriticTargetTau <= 1))
        {
            throw new InvalidConfigException(source, "critic_target_tau", $"must lie in (0, 1], got {CriticTargetTau}");
        }

        Positive(source, "update_every_steps", UpdateEverySteps);
        if (!(StddevClip >= 0))
        {
            throw new InvalidConfigException(source, "stddev_clip", $"must be >= 0, got {StddevClip}");
        }

        if (NumExplSteps < 0)
        {
            throw new InvalidConfigException(source, "num_expl_steps", $"must be >= 0, got {NumExplSteps}");
        }

        if (ShiftPad < 0)
        {
            throw new InvalidConfigException(source, "shift_pad", $"must be >= 0, got {ShiftPad}");
        }

        if (!Enum.IsDefined(Precision))
        {
            throw new InvalidConfigException(source, "precision", $"must be {Precisions.Names}, got {(int)Precision}");
        }

        try
        {
            _ = DrQV2.StddevSchedule.Parse(StddevSchedule);
        }
        catch (FormatException e)
        {
            throw new InvalidConfigException(source, "stddev_schedule", e.Message, e);
        }

        return this;
    }

    private static void Positive(string source, string field, double value)
    {
        if (!(value > 0))
        {
            throw new InvalidConfigException(source, field, $"must be > 0, got {value}");
        }
    }
}
