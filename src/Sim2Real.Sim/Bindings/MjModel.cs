using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim.Bindings;

/// <summary>
/// A compiled MuJoCo model (mjModel). Every field is available under MuJoCo's own name (<c>model.nq</c>,
/// <c>model.body_mass</c>, <c>model.opt.timestep</c>) through accessors generated from the installed headers; array
/// fields are bounds-checked spans over the model's memory. Spans are valid until the model is disposed.
/// </summary>
public sealed partial class MjModel : IDisposable
{
    private const int ErrorBufferSize = 1000;

    // MuJoCo 2.2.2 does not document its XML parser and compiler as safe to run on several threads at once, and
    // loads are rare next to steps: one load at a time per process.
    private static readonly Lock LoadLock = new();
    private readonly MjModelHandle _handle;
    private volatile bool _disposed;

    private MjModel(IntPtr model, string source, string? loadWarning)
    {
        _handle = new MjModelHandle(model);
        Source = source;
        LoadWarning = loadWarning;
    }

    /// <summary>The file this model was loaded from (absolute), or the name given to a string model.</summary>
    public string Source { get; }

    /// <summary>The warning MuJoCo's compiler reported while loading, if any.</summary>
    public string? LoadWarning { get; }

    internal MjModelHandle Handle => _handle;

    internal IntPtr Pointer
    {
        get
        {
            // The handle stays open while data made from this model exist; the model itself refuses use once disposed.
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _handle.DangerousGetHandle();
        }
    }

    /// <summary>Compiles an MJCF file. Includes and assets resolve relative to the file.</summary>
    /// <exception cref="MjModelLoadException">Missing or malformed file; the message names it and quotes MuJoCo.</exception>
    public static unsafe MjModel FromXmlFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        MuJoCoRuntime.EnsureStarted();
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new MjModelLoadException(full, "file does not exist");
        }

        return LoadXml(full, null, full);
    }

    /// <summary>Compiles MJCF text held in memory (through MuJoCo's virtual file system; no temporary files).</summary>
    /// <param name="xml">The MJCF document. It cannot include other files.</param>
    /// <param name="name">Name used in errors and as <see cref="Source"/>.</param>
    public static unsafe MjModel FromXmlString(string xml, string name = "<string>")
    {
        ArgumentNullException.ThrowIfNull(xml);
        MuJoCoRuntime.EnsureStarted();
        var bytes = Encoding.UTF8.GetBytes(xml);
        const string vfsName = "model.xml";
        var vfs = NativeMemory.AllocZeroed(MjLayout.SizeOfVfs);
        try
        {
            MjNative.mj_defaultVFS(vfs);
            if (MjNative.mj_makeEmptyFileVFS(vfs, vfsName, bytes.Length) != 0)
            {
                throw new MjModelLoadException(name, "could not create the in-memory file (MuJoCo VFS)");
            }

            var index = MjNative.mj_findFileVFS(vfs, vfsName);
            var data = ((IntPtr*)((byte*)vfs + MjLayout.VfsFileData))[index];
            bytes.CopyTo(new Span<byte>((void*)data, bytes.Length));
            return LoadXml(vfsName, vfs, name);
        }
        finally
        {
            MjNative.mj_deleteVFS(vfs);
            NativeMemory.Free(vfs);
        }
    }

    /// <summary>Loads a binary MJB model file (as written by MuJoCo's mj_saveModel).</summary>
    public static unsafe MjModel FromBinaryFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        MuJoCoRuntime.EnsureStarted();
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new MjModelLoadException(full, "file does not exist");
        }

        var before = MjWarningLog.Total;
        var status = MjGuardNative.s2r_mj_load_model(full, out var model);
        if (status != 0 || model == IntPtr.Zero)
        {
            var reason = status != 0
                ? Marshal.PtrToStringUTF8((IntPtr)MjGuardNative.s2r_mj_last_error())
                : MjWarningLog.Total > before ? MjWarningLog.Snapshot()[^1] : "not a valid MJB file";
            throw new MjModelLoadException(full, reason ?? "unknown error");
        }

        return new MjModel(model, full, null);
    }

    private static unsafe MjModel LoadXml(string file, void* vfs, string source)
    {
        var error = stackalloc byte[ErrorBufferSize];
        error[0] = 0;
        IntPtr model;
        lock (LoadLock)
        {
            model = MjNative.mj_loadXML(file, vfs, error, ErrorBufferSize);
        }

        var text = Marshal.PtrToStringUTF8((IntPtr)error)?.Trim();
        if (model == IntPtr.Zero)
        {
            throw new MjModelLoadException(source, string.IsNullOrEmpty(text) ? "unknown error" : text);
        }

        return new MjModel(model, source, string.IsNullOrEmpty(text) ? null : text);
    }

    /// <summary>Writes the compiled model as a binary MJB file, which <see cref="FromBinaryFile"/> loads without compiling.</summary>
    public void SaveBinary(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var before = MjWarningLog.Total;
        MuJoCoRuntime.Check(MjGuardNative.s2r_mj_save_model(Pointer, full), "mj_saveModel", Source);
        if (MjWarningLog.Total > before && !File.Exists(full))
        {
            throw new IOException($"{full}: MuJoCo could not write the model: {MjWarningLog.Snapshot()[^1]}");
        }
    }

    /// <summary>An independent deep copy (mj_copyModel), e.g. one per environment for domain randomization.</summary>
    public MjModel Copy()
    {
        MuJoCoRuntime.Check(MjGuardNative.s2r_mj_copy_model(Pointer, out var copy), "mj_copyModel", Source);
        if (copy == IntPtr.Zero)
        {
            throw new MuJoCoException($"{Source}: mj_copyModel could not allocate the copy");
        }

        return new MjModel(copy, Source, LoadWarning);
    }

    /// <summary>Makes a fresh mjData for this model.</summary>
    public MjData CreateData() => new(this);

    /// <summary>Recomputes the constant fields (e.g. qpos_spring, body_subtreemass) after changing masses or inertias (mj_setConst).</summary>
    public void SetConst(MjData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        EnsureOwns(data);
        MuJoCoRuntime.Check(MjGuardNative.s2r_mj_set_const(Pointer, data.Pointer), "mj_setConst", Source);
    }

    /// <summary>The id of the named object, or throws <see cref="MjNameNotFoundException"/> listing the names that exist.</summary>
    public int Id(MjtObj kind, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var id = MjNative.mj_name2id(Pointer, (int)kind, name);
        return id >= 0 ? id : throw new MjNameNotFoundException(Source, kind, name, Names(kind));
    }

    /// <summary>The id of the named object, or false when there is none.</summary>
    public bool TryGetId(MjtObj kind, string name, out int id)
    {
        ArgumentNullException.ThrowIfNull(name);
        id = MjNative.mj_name2id(Pointer, (int)kind, name);
        return id >= 0;
    }

    /// <summary>The name of object <paramref name="id"/>, or null when it is unnamed.</summary>
    public unsafe string? Name(MjtObj kind, int id)
    {
        var count = MjObjects.Count(this, kind);
        if ((uint)id >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"{Source}: {MjObjects.Describe(kind)} id must be in [0, {count})");
        }

        var name = Marshal.PtrToStringUTF8((IntPtr)MjNative.mj_id2name(Pointer, (int)kind, id));
        return string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>The names of every object of a kind, in id order (unnamed ones omitted).</summary>
    public IReadOnlyList<string> Names(MjtObj kind)
    {
        var names = new List<string>();
        for (var i = 0; i < MjObjects.Count(this, kind); i++)
        {
            if (Name(kind, i) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    public int BodyId(string name) => Id(MjtObj.mjOBJ_BODY, name);

    public int JointId(string name) => Id(MjtObj.mjOBJ_JOINT, name);

    public int ActuatorId(string name) => Id(MjtObj.mjOBJ_ACTUATOR, name);

    public int SensorId(string name) => Id(MjtObj.mjOBJ_SENSOR, name);

    public int GeomId(string name) => Id(MjtObj.mjOBJ_GEOM, name);

    public int CameraId(string name) => Id(MjtObj.mjOBJ_CAMERA, name);

    public int SiteId(string name) => Id(MjtObj.mjOBJ_SITE, name);

    public int KeyframeId(string name) => Id(MjtObj.mjOBJ_KEY, name);

    /// <summary>Releases the model now; memory is freed once every <see cref="MjData"/> made from it is disposed too.</summary>
    public void Dispose()
    {
        _disposed = true;
        _handle.Dispose();
    }

    public override string ToString() => $"MjModel({Path.GetFileName(Source)}: nq={nq}, nv={nv}, nu={nu}, nbody={nbody})";

    internal void EnsureOwns(MjData data)
    {
        if (!ReferenceEquals(data.Model, this))
        {
            throw new ArgumentException($"{Source}: the data belongs to another model ({data.Model.Source})", nameof(data));
        }
    }

    private unsafe T Read<T>(int offset)
        where T : unmanaged => Unsafe.ReadUnaligned<T>((byte*)Pointer + offset);

    private unsafe Span<T> Array<T>(int offset, int rows, int cols)
        where T : unmanaged
    {
        var length = checked(rows * cols);
        var data = *(IntPtr*)((byte*)Pointer + offset);
        return length == 0 || data == IntPtr.Zero ? [] : new Span<T>((void*)data, length);
    }
}
