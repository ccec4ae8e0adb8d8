using System.Runtime.InteropServices;

namespace Sim2Real.Sim.Interop;

/// <summary>
/// P/Invoke declarations for MuJoCo 2.2.2's C API, spelled as mujoco.h spells them. Calls that can raise
/// mju_error go through <see cref="MjGuardNative"/> instead, so that an error returns to C# as an exception.
/// </summary>
internal static unsafe partial class MjNative
{
    private const string Lib = "mujoco";

    [LibraryImport(Lib)]
    internal static partial int mj_version();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr mj_loadXML(string filename, void* vfs, byte* error, int errorSize);

    [LibraryImport(Lib)]
    internal static partial void mj_deleteModel(IntPtr model);

    [LibraryImport(Lib)]
    internal static partial void mj_deleteData(IntPtr data);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mj_name2id(IntPtr model, int type, string name);

    [LibraryImport(Lib)]
    internal static partial byte* mj_id2name(IntPtr model, int type, int id);

    [LibraryImport(Lib)]
    internal static partial void mj_defaultVFS(void* vfs);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mj_makeEmptyFileVFS(void* vfs, string filename, int filesize);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mj_findFileVFS(void* vfs, string filename);

    [LibraryImport(Lib)]
    internal static partial void mj_deleteVFS(void* vfs);

    [LibraryImport(Lib)]
    internal static partial void mjv_defaultScene(void* scene);

    [LibraryImport(Lib)]
    internal static partial void mjv_freeScene(void* scene);

    [LibraryImport(Lib)]
    internal static partial void mjv_defaultCamera(void* camera);

    [LibraryImport(Lib)]
    internal static partial void mjv_defaultFreeCamera(IntPtr model, void* camera);

    [LibraryImport(Lib)]
    internal static partial void mjv_defaultOption(void* option);

    [LibraryImport(Lib)]
    internal static partial void mjr_defaultContext(void* context);

    [LibraryImport(Lib)]
    internal static partial void mjr_freeContext(void* context);

    [LibraryImport(Lib)]
    internal static partial double mju_Halton(int index, int radixBase);
}
