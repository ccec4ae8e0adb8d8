using System.Runtime.InteropServices;

namespace Sim2Real.Sim.Rendering;

/// <summary>The OSMesa calls needed for a software OpenGL context, spelled as osmesa.h spells them.</summary>
internal static partial class OsMesaNative
{
    private const string Lib = "OSMesa";

    internal const int OSMESA_RGBA = 0x1908; // GL_RGBA
    internal const int GL_UNSIGNED_BYTE = 0x1401;

    [LibraryImport(Lib)]
    internal static partial IntPtr OSMesaCreateContextExt(int format, int depthBits, int stencilBits, int accumBits, IntPtr shareList);

    [LibraryImport(Lib)]
    internal static partial byte OSMesaMakeCurrent(IntPtr context, IntPtr buffer, int type, int width, int height);

    [LibraryImport(Lib)]
    internal static partial void OSMesaDestroyContext(IntPtr context);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr OSMesaGetProcAddress(string name);
}
