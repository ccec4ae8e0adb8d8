using System.Globalization;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Rma;

/// <summary>
/// μ: the environment-factor encoder, e_t [B, E] to the extrinsics z_t = tanh(MLP(e_t)) [B, 8]. Layers are named
/// as an nn.Sequential (0, 2, 4 hold the Linear weights), so under the prefix "mu." the names are PyTorch's.
/// </summary>
/// <remarks>
/// Activations: ELU between the Linear layers, as hora (HaozhiQi/hora, models.py MLP) does; the paper gives only the
/// sizes, and the authors' released code (antonilo/rl_locomotion) uses LeakyReLU. Unlike hora, the last Linear has no
/// ELU before the tanh: ELU there would bound z to (-0.76, 1) instead of (-1, 1) for no gain. Weights start as the
/// DrQ-v2 encoder's do (orthogonal, zero bias), since μ trains through the critic loss like that encoder.
/// </remarks>
public sealed class EnvFactorEncoder : Layer
{
    private readonly List<Layer> _layers = [];

    public EnvFactorEncoder(RmaConfig config)
    {
        config.Validate();
        EnvFactorDim = config.EnvFactorDim;
        ExtrinsicsDim = config.ExtrinsicsDim;
        long inputs = EnvFactorDim;
        foreach (var width in config.EncoderHidden)
        {
            Add(new Linear(inputs, width));
            Add(new ELU());
            inputs = width;
        }

        Add(new Linear(inputs, ExtrinsicsDim));
        WeightInit.Apply(this);
    }

    public long EnvFactorDim { get; }

    public long ExtrinsicsDim { get; }

    public IReadOnlyList<Layer> Layers => _layers;

    /// <param name="input">e_t as [B, E] floats.</param>
    /// <exception cref="ArgumentException">e_t has another number of values than μ was built for (rma.env_factor_dim).</exception>
    public override Tensor Forward(Tensor input)
    {
        var shape = input.Shape;
        if (shape.Length != 2 || shape[1] != EnvFactorDim)
        {
            throw new ArgumentException(
                $"env_factors (e_t) is [{string.Join(", ", shape)}]; μ takes [B, {EnvFactorDim}] (rma.env_factor_dim = {EnvFactorDim})", nameof(input));
        }

        using var scope = TensorScope.Begin();
        var x = input;
        foreach (var layer in _layers)
        {
            x = layer.Forward(x);
        }

        return x.Tanh().Keep();
    }

    private void Add(Layer layer)
    {
        RegisterModule(_layers.Count.ToString(CultureInfo.InvariantCulture), layer);
        _layers.Add(layer);
    }
}
