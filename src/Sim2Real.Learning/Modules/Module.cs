using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Modules;

/// <summary>
/// A tree of named parameters and child modules, named as PyTorch names them: a parameter "weight" of child "0"
/// of child "convnet" is "convnet.0.weight". The module owns its parameters and frees them on Dispose.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Tensor Tensor)> _parameters = [];
    private readonly List<(string Name, Module Module)> _children = [];
    private bool _disposed;

    public bool Training { get; private set; } = true;

    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        parameter.Unscoped().RequiresGrad = true;
        _parameters.Add((name, parameter));
        return parameter;
    }

    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        _children.Add((name, module));
        return module;
    }

    /// <summary>Every parameter with its state_dict name, in PyTorch's order (own first, then children in order).</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters(string prefix = "")
    {
        foreach (var (name, p) in _parameters)
        {
            yield return (prefix + name, p);
        }

        foreach (var (name, child) in _children)
        {
            foreach (var item in child.NamedParameters(prefix + name + "."))
            {
                yield return item;
            }
        }
    }

    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter).ToList();

    /// <summary>This module and every descendant, depth first (nn.Module.modules()).</summary>
    public IEnumerable<Module> Modules()
    {
        yield return this;
        foreach (var (_, child) in _children)
        {
            foreach (var m in child.Modules())
            {
                yield return m;
            }
        }
    }

    public void Train(bool training = true)
    {
        foreach (var m in Modules())
        {
            m.Training = training;
        }
    }

    public void Eval() => Train(false);

    /// <summary>Moves every parameter to <paramref name="device"/> in place; optimizers built afterwards see the moved tensors.</summary>
    public void To(Device device)
    {
        foreach (var (_, p) in NamedParameters())
        {
            p.MoveTo(device);
        }
    }

    /// <summary>Copies every parameter's values from <paramref name="source"/>, which must have the same names and shapes.</summary>
    public void LoadFrom(Module source)
    {
        var theirs = source.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        foreach (var (name, p) in NamedParameters())
        {
            if (!theirs.TryGetValue(name, out var q))
            {
                throw new ArgumentException($"source module has no parameter '{name}'", nameof(source));
            }

            p.Copy_(q);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var (_, p) in _parameters)
        {
            p.Dispose();
        }

        foreach (var (_, child) in _children)
        {
            child.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
