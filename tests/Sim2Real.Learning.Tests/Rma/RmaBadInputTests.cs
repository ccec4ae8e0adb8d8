using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Rma;

public class RmaBadInputTests
{
    private static readonly RmaConfig Config = new() { EnvFactorDim = 7 };

    [Fact]
    public void A_history_too_short_for_the_convolutions_is_refused_naming_rma_history_length_and_the_minimum()
    {
        var e = Assert.Throws<InvalidConfigException>(() => (Config with { HistoryLength = 39 }).Validate("robots/arm6/robot.yaml"));
        Assert.Equal("rma.history_length", e.Field);
        Assert.Equal("robots/arm6/robot.yaml", e.Origin);
        Assert.Contains("at least 40", e.Message, StringComparison.Ordinal);
        Assert.Contains("8/4, 5/1, 5/1", e.Message, StringComparison.Ordinal);
        (Config with { HistoryLength = 40 }).Validate();
    }

    [Fact]
    public void The_minimum_history_is_computed_from_the_stack_not_fixed()
    {
        var stack = Config with { TemporalConvs = [new(4, 2), new(3, 1)], HistoryLength = 7 };
        var e = Assert.Throws<InvalidConfigException>(() => stack.Validate());
        Assert.Equal("rma.history_length", e.Field);
        Assert.Contains("at least 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_convolution_with_no_stride_is_refused_naming_it()
    {
        var e = Assert.Throws<InvalidConfigException>(() => (Config with { TemporalConvs = [new(8, 4), new(5, 0)] }).Validate());
        Assert.Equal("rma.temporal_convs[1].stride", e.Field);
    }

    [Fact]
    public void Modules_without_an_environment_factor_count_are_refused_naming_rma_env_factor_dim()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new EnvFactorEncoder(new RmaConfig()));
        Assert.Equal("rma.env_factor_dim", e.Field);
    }

    [Fact]
    public void Environment_factors_of_another_size_than_mu_takes_are_refused_naming_rma_env_factor_dim()
    {
        using var mu = new EnvFactorEncoder(Config);
        using var scope = TensorScope.Begin();
        var e = Assert.Throws<ArgumentException>(() => mu.Forward(Tensor.Zeros([4, 5])));
        Assert.Contains("env_factors (e_t) is [4, 5]", e.Message, StringComparison.Ordinal);
        Assert.Contains("rma.env_factor_dim = 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_of_another_length_is_refused_naming_rma_history_length()
    {
        using var phi = new AdaptationModule(19, Config);
        using var scope = TensorScope.Begin();
        var e = Assert.Throws<ArgumentException>(() => phi.Forward(Tensor.Zeros([4, 30, 19])));
        Assert.Contains("rma.history_length = 50", e.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 30, 19]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_RMA_state_observation_without_room_for_e_t_is_refused_naming_it()
    {
        using var encoder = RmaEncoder.ForStates(13, Config);
        using var scope = TensorScope.Begin();
        var e = Assert.Throws<ArgumentException>(() => encoder.Forward(Tensor.Zeros([2, 13])));
        Assert.Contains("the state (13) then e_t (rma.env_factor_dim = 7)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weights_file_whose_mu_takes_other_environment_factors_is_refused_naming_the_file_and_field()
    {
        using var dir = new TempDirectory();
        var path = dir.File("rma.safetensors");
        using (var mu5 = new EnvFactorEncoder(Config with { EnvFactorDim = 5 }))
        using (var phi = new AdaptationModule(19, Config))
        {
            RmaWeights.Save(path, mu5, phi);
        }

        using var mu = new EnvFactorEncoder(Config);
        using var phi19 = new AdaptationModule(19, Config);
        using var file = SafetensorsFile.Open(path);
        var e = Assert.Throws<InvalidConfigException>(() => RmaWeights.LoadInto(file, mu, phi19));
        Assert.Equal(path, e.Origin);
        Assert.Equal("rma.env_factor_dim", e.Field);
        Assert.Contains("takes 5 environment factors (mu.0.weight [256, 5]); e_t here has 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weights_file_of_another_history_length_is_refused_naming_rma_history_length()
    {
        using var dir = new TempDirectory();
        var path = dir.File("rma.safetensors");
        using (var mu = new EnvFactorEncoder(Config))
        using (var phi60 = new AdaptationModule(19, Config with { HistoryLength = 60 }))
        {
            RmaWeights.Save(path, mu, phi60);
        }

        using var mu7 = new EnvFactorEncoder(Config);
        using var phi = new AdaptationModule(19, Config);
        using var file = SafetensorsFile.Open(path);
        var e = Assert.Throws<InvalidConfigException>(() => RmaWeights.LoadInto(file, mu7, phi));
        Assert.Equal("rma.history_length", e.Field);
        Assert.Contains("reads 60 steps; this φ reads 50", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weights_file_for_another_step_size_lists_the_wrongly_shaped_tensor()
    {
        using var dir = new TempDirectory();
        var path = dir.File("rma.safetensors");
        using (var mu = new EnvFactorEncoder(Config))
        using (var phi = new AdaptationModule(21, Config))
        {
            RmaWeights.Save(path, mu, phi);
        }

        using var mu7 = new EnvFactorEncoder(Config);
        using var phi19 = new AdaptationModule(19, Config);
        using var file = SafetensorsFile.Open(path);
        var e = Assert.Throws<CheckpointMismatchException>(() => RmaWeights.LoadInto(file, mu7, phi19));
        Assert.Equal("phi.step_mlp.0.weight", Assert.Single(e.Mismatched).Expected.Name);
    }

    [Fact]
    public void Libtorch_errors_of_the_rma_ops_carry_libtorch_s_message()
    {
        using var scope = TensorScope.Begin();
        var e = Assert.Throws<TorchException>(() => Tensor.Zeros([1, 3, 10]).Conv1d(Tensor.Zeros([2, 4, 3]), null));
        Assert.Contains("channels", e.Message, StringComparison.Ordinal);
    }
}
