namespace Sim2Real.Learning.Tensors;

/// <summary>
/// Frees every tensor created on this thread while the scope is open, when it closes. An update creates a few
/// hundred temporaries; a scope releases them deterministically instead of leaving native memory to finalizers.
/// <see cref="Tensor.Keep"/> hands a result to the enclosing scope (or to the caller when there is none).
/// </summary>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic]
    private static TensorScope? s_current;

    private readonly TensorScope? _parent;
    private readonly List<Tensor> _owned = [];
    private bool _disposed;

    private TensorScope(TensorScope? parent) => _parent = parent;

    public static TensorScope Begin()
    {
        var scope = new TensorScope(s_current);
        s_current = scope;
        return scope;
    }

    /// <summary>Number of tensors this scope will free.</summary>
    public int Count => _owned.Count;

    internal static void Track(Tensor tensor)
    {
        if (s_current is { } scope)
        {
            scope._owned.Add(tensor);
            tensor.Owner = scope;
        }
    }

    internal void Release(Tensor tensor, bool toParent)
    {
        // Results are usually the last tensors created: search from the end.
        var i = _owned.LastIndexOf(tensor);
        if (i >= 0)
        {
            _owned.RemoveAt(i);
        }

        tensor.Owner = null;
        if (toParent && _parent is { } parent)
        {
            parent._owned.Add(tensor);
            tensor.Owner = parent;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!ReferenceEquals(s_current, this))
        {
            throw new InvalidOperationException("tensor scopes must be closed in the reverse order of opening");
        }

        s_current = _parent;
        foreach (var t in _owned)
        {
            t.Owner = null;
            t.Dispose();
        }

        _owned.Clear();
    }
}
