using System.Runtime.CompilerServices;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim.Bindings;

/// <summary>
/// Simulation state for one <see cref="MjModel"/> (mjData). Fields carry MuJoCo's names (<c>data.qpos</c>,
/// <c>data.ctrl</c>, <c>data.time</c>) as bounds-checked spans generated from the headers. Not thread-safe: one
/// thread steps a given data at a time; separate datas step in parallel.
/// </summary>
public sealed partial class MjData : IDisposable
{
    private readonly MjDataHandle _handle;
    private string? _brokenBy;
    private volatile bool _disposed;

    internal MjData(MjModel model)
    {
        Model = model;
        MuJoCoRuntime.Check(MjGuardNative.s2r_mj_make_data(model.Pointer, out var data), "mj_makeData", model.Source);
        if (data == IntPtr.Zero)
        {
            throw new MuJoCoException($"{model.Source}: mj_makeData could not allocate the data");
        }

        _handle = new MjDataHandle(data, model.Handle);
    }

    /// <summary>The model this data was made for.</summary>
    public MjModel Model { get; }

    internal IntPtr Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _handle.DangerousGetHandle();
        }
    }

    /// <summary>Advances one time step (mj_step). Controls are checked first: a NaN or infinity names its actuator.</summary>
    /// <exception cref="NonFiniteControlException">A control is not finite; nothing was stepped.</exception>
    /// <exception cref="MuJoCoException">MuJoCo raised an error; reset the data before stepping again.</exception>
    public void Step()
    {
        var model = Prepare();
        Run(MjGuardNative.s2r_mj_step(model, Pointer), "mj_step");
    }

    /// <summary>Advances <paramref name="steps"/> time steps with the current controls in one native call.</summary>
    public void Step(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var model = Prepare();
        Run(MjGuardNative.s2r_mj_step_n(model, Pointer, steps), "mj_step");
    }

    /// <summary>Computes derived quantities (positions, sensors, contacts) for the current state without advancing time.</summary>
    public void Forward()
    {
        var model = Prepare();
        Run(MjGuardNative.s2r_mj_forward(model, Pointer), "mj_forward");
    }

    /// <summary>Resets to the model's default state (qpos0, zero velocities and controls, time 0).</summary>
    public void Reset()
    {
        MuJoCoRuntime.Check(MjGuardNative.s2r_mj_reset_data(Model.Pointer, Pointer), "mj_resetData", Model.Source);
        _brokenBy = null;
    }

    /// <summary>Resets to keyframe <paramref name="key"/> (mj_resetDataKeyframe).</summary>
    public void ResetToKeyframe(int key)
    {
        if ((uint)key >= (uint)Model.nkey)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, $"{Model.Source}: keyframe index must be in [0, {Model.nkey})");
        }

        MuJoCoRuntime.Check(MjGuardNative.s2r_mj_reset_data_keyframe(Model.Pointer, Pointer, key), "mj_resetDataKeyframe", Model.Source);
        _brokenBy = null;
    }

    /// <summary>Resets to the named keyframe, e.g. "home".</summary>
    public void ResetToKeyframe(string name) => ResetToKeyframe(Model.KeyframeId(name));

    /// <summary>Copies the whole state of <paramref name="source"/> (same model) into this data (mj_copyData).</summary>
    public void CopyFrom(MjData source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Model.EnsureOwns(source);
        MuJoCoRuntime.Check(MjGuardNative.s2r_mj_copy_data(Model.Pointer, source.Pointer, Pointer), "mj_copyData", Model.Source);
        _brokenBy = source._brokenBy;
    }

    /// <summary>Sets every control, checking the length and rejecting non-finite values before anything is written.</summary>
    public void SetControls(ReadOnlySpan<double> controls)
    {
        var ctrl = this.ctrl;
        if (controls.Length != ctrl.Length)
        {
            throw new ArgumentException($"{Model.Source}: expected {ctrl.Length} controls (nu), got {controls.Length}", nameof(controls));
        }

        CheckFinite(controls);
        controls.CopyTo(ctrl);
    }

    /// <summary>The warnings MuJoCo counted on this data since the last reset (mjData.warning), by kind.</summary>
    public IReadOnlyList<MjWarningCount> Warnings()
    {
        var list = new List<MjWarningCount>();
        var stats = warning;
        for (var i = 0; i < stats.Length; i++)
        {
            if (stats[i].number > 0)
            {
                list.Add(new MjWarningCount((MjtWarning)i, stats[i].number, stats[i].lastinfo));
            }
        }

        return list;
    }

    public void Dispose()
    {
        _disposed = true;
        _handle.Dispose();
    }

    // The throws below live in NoInlining helpers so that the stepping path the JIT inlines into callers' loops holds
    // no string building: an inlined interpolation handler was zeroed with a 256-bit store right before the
    // P/Invoke (issue 11). The native guard clears that state anyway; this keeps the hot loop small.
    private IntPtr Prepare()
    {
        if (_brokenBy is not null)
        {
            ThrowBroken();
        }

        CheckFinite(ctrl);
        return Model.Pointer;
    }

    private void Run(int status, string call)
    {
        if (status != 0)
        {
            Fail(status, call);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fail(int status, string call)
    {
        // The failed call was abandoned mid-way: MuJoCo's stack and arrays may be inconsistent until a reset.
        _brokenBy = call;
        MuJoCoRuntime.Check(status, call, Model.Source);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowBroken() =>
        throw new InvalidOperationException($"{Model.Source}: this data is unusable after MuJoCo's error in {_brokenBy}; call Reset first");

    private void CheckFinite(ReadOnlySpan<double> controls)
    {
        for (var i = 0; i < controls.Length; i++)
        {
            if (!double.IsFinite(controls[i]))
            {
                ThrowNonFinite(i, controls[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNonFinite(int index, double value)
    {
        var name = Model.Name(MjtObj.mjOBJ_ACTUATOR, index) ?? $"#{index}";
        throw new NonFiniteControlException(Model.Source, index, name, value);
    }

    private unsafe T Read<T>(int offset)
        where T : unmanaged => Unsafe.ReadUnaligned<T>((byte*)Pointer + offset);

    private unsafe void Write<T>(int offset, T value)
        where T : unmanaged => Unsafe.WriteUnaligned((byte*)Pointer + offset, value);

    private unsafe Span<T> Inline<T>(int offset, int length)
        where T : unmanaged => new((byte*)Pointer + offset, length);

    private unsafe Span<T> Array<T>(int offset, int rows, int cols)
        where T : unmanaged
    {
        var length = checked(rows * cols);
        var data = *(IntPtr*)((byte*)Pointer + offset);
        return length == 0 || data == IntPtr.Zero ? [] : new Span<T>((void*)data, length);
    }
}
