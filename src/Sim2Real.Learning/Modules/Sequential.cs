using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

/// <summary>nn.Sequential: layers applied in order, named "0", "1", ... as in a PyTorch state_dict.</summary>
public sealed class Sequential : Layer
{
    private readonly List<Layer> _layers = [];

    public Sequential(params Layer[] layers)
    {
        foreach (var layer in layers)
        {
            RegisterModule(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), layer);
            _layers.Add(layer);
        }
    }

    public IReadOnlyList<Layer> Layers => _layers;

    public Layer this[int index] => _layers[index];

    /// <summary>Intermediate results are freed as soon as the next layer has used them (unless autograd needs them, which it keeps itself).</summary>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            var next = layer.Forward(x);
            if (!ReferenceEquals(x, input))
            {
                x.Dispose();
            }

            x = next;
        }

        return x;
    }
}
