using Sim2Real.Core;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>
/// DrQ-v2 (Yarats et al. 2021) as its reference implementation defines it. Pixels go through the random shift and
/// the convolutional encoder, states through the identity encoder. The critic loss trains encoder and critic;
/// the actor sees detached features and trains only itself; the critic target follows the critic by EMA.
/// </summary>
public sealed class DrQV2Agent : IDisposable
{
    private readonly IReadOnlyList<Tensor> _actorParameters;
    private readonly IReadOnlyList<Tensor> _criticParameters;
    private readonly IReadOnlyList<Tensor> _criticTargetParameters;

    /// <param name="obsShape">[C,H,W] for pixels (uint8), [D] for states (float).</param>
    public DrQV2Agent(DrQV2Config config, IReadOnlyList<long> obsShape, long actionDim, Device? device = null)
        : this(config.Validate(), DefaultEncoder(obsShape, config.Precision), obsShape, actionDim, device)
    {
    }

    /// <summary>An agent over a given encoder (RMA's appends μ(e_t) to the state); the agent owns and disposes it.</summary>
    public DrQV2Agent(DrQV2Config config, ObservationEncoder encoder, IReadOnlyList<long> obsShape, long actionDim, Device? device = null)
    {
        Config = config.Validate();
        Precision = encoder is PixelEncoder pixels ? pixels.Precision : Precision.Fp32;
        try
        {
            Precisions.Require(Precision, device ?? Device.Cpu, "drqv2 config", "precision");
        }
        catch (InvalidConfigException)
        {
            encoder.Dispose();
            throw;
        }

        Schedule = StddevSchedule.Parse(config.StddevSchedule);
        Device = device ?? Device.Cpu;
        Encoder = encoder;
        var repr = Encoder.RepresentationDim;
        Actor = new Actor(repr, actionDim, config.FeatureDim, config.HiddenDim);
        Critic = new Critic(repr, actionDim, config.FeatureDim, config.HiddenDim);
        CriticTarget = new Critic(repr, actionDim, config.FeatureDim, config.HiddenDim);
        CriticTarget.LoadFrom(Critic);
        foreach (var part in new Modules.Module[] { Encoder, Actor, Critic, CriticTarget })
        {
            part.To(Device);
        }

        _actorParameters = Actor.Parameters();
        _criticParameters = Critic.Parameters();
        _criticTargetParameters = CriticTarget.Parameters();
        var encoderParameters = Encoder.Parameters();
        EncoderOptimizer = encoderParameters.Count > 0 ? new Adam(encoderParameters, config.LearningRate) : null;
        ActorOptimizer = new Adam(_actorParameters, config.LearningRate);
        CriticOptimizer = new Adam(_criticParameters, config.LearningRate);
        Augmentation = Encoder.IsPixels && config.ShiftPad > 0 ? new RandomShiftsAug(config.ShiftPad) : null;
        ObsShape = [.. obsShape];
        ActionDim = actionDim;
    }

    public DrQV2Config Config { get; }

    public StddevSchedule Schedule { get; }

    /// <summary>What the encoder computes in (its own setting; fp32 for states). Weights and optimizers are fp32 regardless.</summary>
    public Precision Precision { get; }

    public Device Device { get; }

    public long[] ObsShape { get; }

    public long ActionDim { get; }

    public ObservationEncoder Encoder { get; }

    public Actor Actor { get; }

    public Critic Critic { get; }

    public Critic CriticTarget { get; }

    /// <summary>Null for the state variant, whose identity encoder has nothing to train.</summary>
    public Adam? EncoderOptimizer { get; }

    public Adam ActorOptimizer { get; }

    public Adam CriticOptimizer { get; }

    public RandomShiftsAug? Augmentation { get; }

    /// <summary>Every tensor of the agent with its checkpoint name: "encoder.convnet.0.weight", "critic_target.Q1.0.bias", ...</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters() =>
        Encoder.NamedParameters("encoder.")
            .Concat(Actor.NamedParameters("actor."))
            .Concat(Critic.NamedParameters("critic."))
            .Concat(CriticTarget.NamedParameters("critic_target."));

    /// <summary>Actions [B,A] for observations [B,...]: the mean in eval mode, else a sample (uniform during the first NumExplSteps).</summary>
    public Tensor Act(Tensor obs, long step, bool evalMode)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = TensorScope.Begin();
        var features = Encoder.Forward(obs.To(Device).Float());
        var dist = Actor.Forward(features, Schedule.At(step));
        if (evalMode)
        {
            return dist.Mean.Keep();
        }

        var action = dist.Sample(clip: null);
        if (step < Config.NumExplSteps)
        {
            action.Uniform_(-1.0, 1.0);
        }

        return action.Keep();
    }

    /// <summary>One critic (and encoder) step on the TD error against min of the target Qs.</summary>
    public CriticMetrics UpdateCritic(Tensor features, Tensor action, Tensor reward, Tensor discount, Tensor nextFeatures, long step)
    {
        using var scope = TensorScope.Begin();
        Tensor targetQ;
        using (Torch.NoGrad())
        {
            var nextAction = Actor.Forward(nextFeatures, Schedule.At(step)).Sample(Config.StddevClip);
            var (targetQ1, targetQ2) = CriticTarget.Forward(nextFeatures, nextAction);
            targetQ = reward + (discount * targetQ1.Minimum(targetQ2));
        }

        var (q1, q2) = Critic.Forward(features, action);
        var criticLoss = q1.MseLoss(targetQ) + q2.MseLoss(targetQ);

        EncoderOptimizer?.ZeroGrad();
        CriticOptimizer.ZeroGrad();
        criticLoss.Backward();
        CriticOptimizer.Step();
        EncoderOptimizer?.Step();

        return new CriticMetrics(criticLoss.Item(), targetQ.Mean().Item(), q1.Mean().Item(), q2.Mean().Item());
    }

    /// <summary>One actor step: maximize min(Q1, Q2) of a clipped-noise action. Gradients reach only the actor.</summary>
    public ActorMetrics UpdateActor(Tensor features, long step)
    {
        using var scope = TensorScope.Begin();
        var action = Actor.Forward(features, Schedule.At(step)).Sample(Config.StddevClip);
        var (q1, q2) = Critic.Forward(features, action);
        var actorLoss = -q1.Minimum(q2).Mean();

        ActorOptimizer.ZeroGrad();
        // The reference also accumulates (unused) critic gradients here; restricting backward to the actor's
        // parameters gives the same actor step without that work.
        actorLoss.Backward(_actorParameters);
        ActorOptimizer.Step();

        return new ActorMetrics(actorLoss.Item());
    }

    /// <summary>Critic, then actor, then target EMA on one batch. The caller decides the cadence (update_every_steps).</summary>
    public UpdateMetrics Update(TransitionBatch batch, long step)
    {
        batch.Validate();
        using var scope = TensorScope.Begin();
        var obs = batch.Obs.To(Device);
        var nextObs = batch.NextObs.To(Device);

        // The shift pads uint8 pixels straight into fp32; without it the encoders take fp32 as the reference's do.
        (obs, nextObs) = Augmentation is { } aug ? (aug.Forward(obs), aug.Forward(nextObs)) : (obs.Float(), nextObs.Float());

        var features = Encoder.Forward(obs);
        Tensor nextFeatures;
        using (Torch.NoGrad())
        {
            nextFeatures = Encoder.Forward(nextObs);
        }

        var reward = batch.Reward.To(Device);
        var critic = UpdateCritic(features, batch.Action.To(Device), reward, batch.Discount.To(Device), nextFeatures, step);
        var actor = UpdateActor(features.Detach(), step);
        Tensor.SoftUpdate(_criticParameters, _criticTargetParameters, Config.CriticTargetTau);
        return new UpdateMetrics(reward.Mean().Item(), critic, actor);
    }

    private static ObservationEncoder DefaultEncoder(IReadOnlyList<long> obsShape, Precision precision) => obsShape.Count switch
    {
        3 => new PixelEncoder(obsShape[0], obsShape[1], obsShape[2], precision),
        1 => new IdentityEncoder(obsShape[0]),
        _ => throw new ArgumentException($"observations must be [C,H,W] pixels or [D] states, got [{string.Join(", ", obsShape)}]", nameof(obsShape)),
    };

    public void Dispose()
    {
        EncoderOptimizer?.Dispose();
        ActorOptimizer.Dispose();
        CriticOptimizer.Dispose();
        Encoder.Dispose();
        Actor.Dispose();
        Critic.Dispose();
        CriticTarget.Dispose();
    }
}
