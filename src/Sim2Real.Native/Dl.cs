using System.Runtime.InteropServices;

namespace Sim2Real.Native;

/// <summary>The few libdl calls .NET does not wrap: which file a loaded handle or symbol came from.</summary>
internal static partial class Dl
{
    private const int RtldDiInfo = 2; // RTLD_DI_LINKMAP

    [StructLayout(LayoutKind.Sequential)]
    private struct LinkMap
    {
        public IntPtr Addr;
        public IntPtr Name;
        public IntPtr Ld;
        public IntPtr Next;
        public IntPtr Prev;
    }

    [LibraryImport("libc", EntryPoint = "dlinfo")]
    private static partial int DlInfo(IntPtr handle, int request, out IntPtr info);

    public static string? PathOf(IntPtr handle)
    {
        if (DlInfo(handle, RtldDiInfo, out var map) != 0 || map == IntPtr.Zero)
        {
            return null;
        }

        var entry = Marshal.PtrToStructure<LinkMap>(map);
        return Marshal.PtrToStringUTF8(entry.Name);
    }
}
