using System.Runtime.InteropServices;
using Sim2Real.Learning.Interop;
using static Sim2Real.Learning.Interop.TorchNative;

namespace Sim2Real.Learning.Tensors;

/// <summary>
/// A libtorch tensor. Each operation returns a new tensor that the caller (or the open <see cref="TensorScope"/>)
/// owns; <see cref="Dispose"/> releases the native reference at once.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private const int MaxDims = 8;

    internal Tensor(TensorHandle handle)
    {
        Handle = handle;
        TensorScope.Track(this);
    }

    internal TensorHandle Handle { get; }

    internal TensorScope? Owner { get; set; }

    public bool IsDisposed => Handle.IsClosed;

    public void Dispose()
    {
        Owner?.Release(this, toParent: false);
        Handle.Dispose();
    }

    /// <summary>Survive the current scope: ownership moves to the enclosing scope, or to the caller if none.</summary>
    public Tensor Keep()
    {
        Owner?.Release(this, toParent: true);
        return this;
    }

    /// <summary>Leave every scope: the caller (a module, an optimizer) owns it from now on.</summary>
    public Tensor Unscoped()
    {
        Owner?.Release(this, toParent: false);
        return this;
    }

    internal static Tensor Wrap(int rc, TensorHandle handle)
    {
        if (rc != 0)
        {
            handle.Dispose();
            Check(rc);
        }

        return new Tensor(handle);
    }

    // ---- metadata ----

    private unsafe (DType DType, long[] Shape, Device Device, bool RequiresGrad) Info()
    {
        var shape = stackalloc long[MaxDims];
        Check(s2r_t_info(Handle, out var dtype, out var ndim, shape, out var devType, out var devIndex, out var grad));
        return ((DType)dtype, new ReadOnlySpan<long>(shape, ndim).ToArray(), new Device((DeviceType)devType, devIndex), grad != 0);
    }

    public long[] Shape => Info().Shape;

    public int Dim => Info().Shape.Length;

    public long Size(int dim)
    {
        var shape = Shape;
        return shape[dim < 0 ? shape.Length + dim : dim];
    }

    public long NumElements => Shape.Aggregate(1L, (a, b) => a * b);

    public DType DType => Info().DType;

    public Device Device => Info().Device;

    public bool RequiresGrad
    {
        get => Info().RequiresGrad;
        set => Check(s2r_t_set_requires_grad(Handle, value ? 1 : 0));
    }

    public override string ToString()
    {
        var (dtype, shape, device, grad) = Info();
        return $"Tensor[{string.Join(", ", shape)}] {dtype} {device}{(grad ? " requires_grad" : "")}";
    }

    // ---- host transfer ----

    public static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, Device? device = null)
        where T : unmanaged
    {
        var dtype = DTypeOf<T>();
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }

        if (count != data.Length)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape.ToArray())}] needs {count} elements, got {data.Length}", nameof(data));
        }

        var dev = device ?? Device.Cpu;
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            return Wrap(s2r_t_from_host(p, (int)dtype, s, shape.Length, (int)dev.Type, dev.Index, out var h), h);
        }
    }

    public static Tensor FromArray<T>(T[] data, params long[] shape)
        where T : unmanaged => FromSpan<T>(data, shape);

    /// <summary>A scalar tensor (shape []).</summary>
    public static Tensor Scalar(float value, Device? device = null) => FromSpan<float>([value], [], device);

    public unsafe void CopyTo<T>(Span<T> destination)
        where T : unmanaged
    {
        var dtype = DType;
        if (dtype != DTypeOf<T>())
        {
            throw new ArgumentException($"tensor holds {dtype}, destination holds {typeof(T).Name}", nameof(destination));
        }

        fixed (T* p = destination)
        {
            Check(s2r_t_to_host(Handle, p, (long)destination.Length * sizeof(T)));
        }
    }

    public T[] ToArray<T>()
        where T : unmanaged
    {
        var result = new T[NumElements];
        CopyTo<T>(result);
        return result;
    }

    public double Item()
    {
        Check(s2r_t_item(Handle, out var v));
        return v;
    }

    internal static DType DTypeOf<T>()
        where T : unmanaged =>
        typeof(T) == typeof(float) ? DType.Float32
        : typeof(T) == typeof(byte) ? DType.UInt8
        : typeof(T) == typeof(long) ? DType.Int64
        : typeof(T) == typeof(double) ? DType.Float64
        : typeof(T) == typeof(bool) ? DType.Bool
        : throw new NotSupportedException($"no tensor dtype for {typeof(T).Name}");

    // ---- factories ----

    public static unsafe Tensor Full(ReadOnlySpan<long> shape, double value, DType dtype = DType.Float32, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        fixed (long* s = shape)
        {
            return Wrap(s2r_t_full(s, shape.Length, value, (int)dtype, (int)dev.Type, dev.Index, out var h), h);
        }
    }

    public static Tensor Zeros(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 0, dtype, device);

    public static Tensor Ones(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 1, dtype, device);

    public static unsafe Tensor Empty(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        fixed (long* s = shape)
        {
            return Wrap(s2r_t_empty(s, shape.Length, (int)dtype, (int)dev.Type, dev.Index, out var h), h);
        }
    }

    public static Tensor Linspace(double start, double end, long steps, DType dtype = DType.Float32, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        return Wrap(s2r_t_linspace(start, end, steps, (int)dtype, (int)dev.Type, dev.Index, out var h), h);
    }

    /// <summary>Integers uniform in [low, high) from the global generator (torch.randint).</summary>
    public static unsafe Tensor RandInt(long low, long high, ReadOnlySpan<long> shape, DType dtype = DType.Int64, Device? device = null)
    {
        var dev = device ?? Device.Cpu;
        fixed (long* s = shape)
        {
            return Wrap(s2r_t_randint(low, high, s, shape.Length, (int)dtype, (int)dev.Type, dev.Index, out var h), h);
        }
    }

    /// <summary>Standard normal samples: torch.empty(shape).normal_(), the draw the reference's distributions make.</summary>
    public static Tensor RandN(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null)
    {
        var t = Empty(shape, dtype, device);
        return t.Normal_();
    }

    public static unsafe Tensor Cat(IReadOnlyList<Tensor> items, long dim)
    {
        var raw = RawHandles(items);
        fixed (IntPtr* p = raw)
        {
            var t = Wrap(s2r_t_cat(p, raw.Length, dim, out var h), h);
            GC.KeepAlive(items);
            return t;
        }
    }

    internal static IntPtr[] RawHandles(IReadOnlyList<Tensor> items)
    {
        var raw = new IntPtr[items.Count];
        for (var i = 0; i < raw.Length; i++)
        {
            ObjectDisposedException.ThrowIf(items[i].IsDisposed, items[i]);
            raw[i] = items[i].Handle.DangerousGetHandle();
        }

        return raw;
    }

    // ---- in-place initializers (no autograd record) ----

    public Tensor Normal_(double mean = 0, double std = 1)
    {
        Check(s2r_t_normal_(Handle, mean, std));
        return this;
    }

    public Tensor Uniform_(double low, double high)
    {
        Check(s2r_t_uniform_(Handle, low, high));
        return this;
    }

    public Tensor Fill_(double value)
    {
        Check(s2r_t_fill_(Handle, value));
        return this;
    }

    /// <summary>Copies the values of <paramref name="source"/> into this tensor, keeping its identity (load weights, EMA).</summary>
    public Tensor Copy_(Tensor source)
    {
        Check(s2r_t_copy_(Handle, source.Handle));
        return this;
    }

    /// <summary>nn.init.orthogonal_ with the given gain.</summary>
    public Tensor Orthogonal_(double gain = 1)
    {
        Check(s2r_t_orthogonal_(Handle, gain));
        return this;
    }

    /// <summary>Moves this tensor's storage to <paramref name="device"/> in place; every holder sees it (parameters).</summary>
    public void MoveTo(Device device) => Check(s2r_t_move_(Handle, (int)device.Type, device.Index));

    public Tensor To(Device device) => Wrap(s2r_t_to(Handle, -1, (int)device.Type, device.Index, out var h), h);

    public Tensor To(DType dtype)
    {
        var dev = Device;
        return Wrap(s2r_t_to(Handle, (int)dtype, (int)dev.Type, dev.Index, out var h), h);
    }

    public Tensor Float() => To(DType.Float32);

    // ---- autograd ----

    public Tensor RequiresGrad_(bool flag = true)
    {
        RequiresGrad = flag;
        return this;
    }

    /// <summary>The accumulated gradient, or null when there is none.</summary>
    public Tensor? Grad
    {
        get
        {
            Check(s2r_t_grad(Handle, out var raw));
            return raw == IntPtr.Zero ? null : new Tensor(TensorHandle.FromRaw(raw));
        }
    }

    /// <summary>Releases the gradient (zero_grad(set_to_none=True)).</summary>
    public void ClearGrad() => Check(s2r_t_clear_grad(Handle));

    /// <summary>Back-propagates this scalar into every leaf that requires a gradient.</summary>
    public unsafe void Backward() => Check(s2r_t_backward(Handle, null, 0));

    /// <summary>Back-propagates into the given leaves only (torch.autograd.backward(inputs=...)): others get no gradient.</summary>
    public unsafe void Backward(IReadOnlyList<Tensor> inputs)
    {
        var raw = RawHandles(inputs);
        fixed (IntPtr* p = raw)
        {
            Check(s2r_t_backward(Handle, p, raw.Length));
        }

        GC.KeepAlive(inputs);
    }

    /// <summary>target = tau * source + (1 - tau) * target for each pair, without autograd (critic target EMA).</summary>
    public static unsafe void SoftUpdate(IReadOnlyList<Tensor> sources, IReadOnlyList<Tensor> targets, double tau)
    {
        if (sources.Count != targets.Count)
        {
            throw new ArgumentException($"{sources.Count} sources for {targets.Count} targets", nameof(targets));
        }

        var s = RawHandles(sources);
        var t = RawHandles(targets);
        fixed (IntPtr* ps = s)
        fixed (IntPtr* pt = t)
        {
            Check(s2r_soft_update(ps, pt, s.Length, tau));
        }

        GC.KeepAlive(sources);
        GC.KeepAlive(targets);
    }
}
