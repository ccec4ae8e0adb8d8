using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Learning.Tests.Rma;

public sealed class RmaPolicyTests : IDisposable
{
    private const int StateDim = 5;
    private static readonly RmaConfig Config = new() { EnvFactorDim = 3, EncoderHidden = [8], HistoryLength = 40, StepFeatures = 4 };
    private readonly RmaPolicy _policy;

    public RmaPolicyTests()
    {
        Torch.ManualSeed(11);
        _policy = new RmaPolicy(new Actor(StateDim + 8, 2, 4, 8), new EnvFactorEncoder(Config), new AdaptationModule(StateDim, Config),
            new float[8], new AdaptationSchedule(0.04, 10), Device.Cpu, owns: true, "test policy");
    }

    public void Dispose() => _policy.Dispose();

    private static Observation State(float value, float[]? e = null) => new(Enumerable.Repeat(value, StateDim).ToArray(), privileged: e);

    [Fact]
    public void Phi_runs_ten_times_per_simulated_second_at_a_25_hz_policy_starting_at_the_first_tick()
    {
        var schedule = new AdaptationSchedule(0.04, 10);
        var due = Enumerable.Range(0, 25).Where(t => schedule.Due(t)).ToList();

        Assert.Equal([0, 3, 5, 8, 10], due.Take(5));
        Assert.Equal(10, due.Count);
    }

    [Fact]
    public void The_history_starts_filled_with_the_first_state_and_shifts_the_oldest_out()
    {
        var action = new float[2];
        _policy.Act(State(7), action);
        Assert.All(_policy.History.ToArray(), v => Assert.Equal(7f, v));

        _policy.Act(State(9), action);
        var history = _policy.History.ToArray();
        Assert.All(history[..^StateDim], v => Assert.Equal(7f, v));
        Assert.All(history[^StateDim..], v => Assert.Equal(9f, v));

        _policy.Reset();
        _policy.Act(State(1), action);
        Assert.All(_policy.History.ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Between_phi_runs_pi_acts_on_the_held_estimate()
    {
        var action = new float[2];
        _policy.Act(State(0.1f), action);
        var first = _policy.Extrinsics.ToArray();
        _policy.Act(State(0.9f), action);
        Assert.Equal(first, _policy.Extrinsics.ToArray());
        _policy.Act(State(0.9f), action);
        _policy.Act(State(0.9f), action);
        Assert.NotEqual(first, _policy.Extrinsics.ToArray());
    }

    [Fact]
    public void Through_IPolicy_the_latent_is_the_estimate_pi_acted_on()
    {
        // The runtime sees only IPolicy; it logs Latent as the tick's z-hat.
        IPolicy policy = _policy;
        var action = new float[2];
        Assert.Equal(new float[8], policy.Latent.ToArray());
        policy.Act(State(0.3f), action);
        Assert.Equal(_policy.Extrinsics.ToArray(), policy.Latent.ToArray());
        Assert.Contains(policy.Latent.ToArray(), v => v != 0);
    }

    [Fact]
    public void The_mean_z_and_expert_modes_give_pi_the_mean_and_mu_of_e()
    {
        var action = new float[2];
        _policy.Mode = RmaMode.MeanZ;
        _policy.Act(State(0.5f), action);
        Assert.Equal(new float[8], _policy.Extrinsics.ToArray());

        _policy.Mode = RmaMode.Expert;
        float[] e = [0.2f, -0.4f, 0.9f];
        _policy.Act(State(0.5f, e), action);
        using var scope = TensorScope.Begin();
        Assert.Equal(_policy.Mu.Forward(Tensor.FromSpan<float>(e, [1, 3])).ToArray<float>(), _policy.Extrinsics.ToArray());
    }

    [Fact]
    public void The_expert_without_e_t_of_the_right_size_is_refused_naming_rma_env_factor_dim()
    {
        _policy.Mode = RmaMode.Expert;
        var e = Assert.Throws<InvalidDataException>(() => _policy.Act(State(0.5f, [1f, 2f]), new float[2]));
        Assert.Contains("rma.env_factor_dim", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_robot_whose_state_lacks_what_phi_reads_is_refused_naming_the_policy()
    {
        var e = Assert.Throws<InvalidDataException>(() => _policy.Act(new Observation(new float[StateDim - 1]), new float[2]));
        Assert.Contains("test policy", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{StateDim} values", e.Message, StringComparison.Ordinal);
    }
}
