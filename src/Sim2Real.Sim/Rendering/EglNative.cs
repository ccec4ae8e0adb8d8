using System.Runtime.InteropServices;

namespace Sim2Real.Sim.Rendering;

/// <summary>The EGL 1.5 calls needed for a headless OpenGL context, spelled as egl.h spells them.</summary>
internal static partial class EglNative
{
    private const string Lib = "EGL";

    internal const int EGL_NONE = 0x3038;
    internal const int EGL_SURFACE_TYPE = 0x3033;
    internal const int EGL_PBUFFER_BIT = 0x0001;
    internal const int EGL_RENDERABLE_TYPE = 0x3040;
    internal const int EGL_OPENGL_BIT = 0x0008;
    internal const int EGL_RED_SIZE = 0x3024;
    internal const int EGL_GREEN_SIZE = 0x3023;
    internal const int EGL_BLUE_SIZE = 0x3022;
    internal const int EGL_ALPHA_SIZE = 0x3021;
    internal const int EGL_DEPTH_SIZE = 0x3025;
    internal const int EGL_OPENGL_API = 0x30A2;
    internal const int EGL_VENDOR = 0x3053;
    internal const int EGL_VERSION = 0x3054;
    internal const int EGL_EXTENSIONS = 0x3055;
    internal const int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;
    internal const int EGL_SUCCESS = 0x3000;
    internal const int GL_VENDOR = 0x1F00;
    internal const int GL_RENDERER = 0x1F01;
    internal const int GL_VERSION = 0x1F02;

    [LibraryImport(Lib)]
    internal static partial IntPtr eglGetPlatformDisplay(int platform, IntPtr nativeDisplay, IntPtr attribs);

    [LibraryImport(Lib)]
    internal static partial IntPtr eglGetDisplay(IntPtr nativeDisplay);

    [LibraryImport(Lib)]
    [return: MarshalAs(UnmanagedType.U4)]
    internal static partial uint eglInitialize(IntPtr display, out int major, out int minor);

    [LibraryImport(Lib)]
    internal static partial uint eglTerminate(IntPtr display);

    [LibraryImport(Lib)]
    internal static partial uint eglChooseConfig(IntPtr display, int[] attribs, out IntPtr config, int configSize, out int numConfig);

    [LibraryImport(Lib)]
    internal static partial uint eglBindAPI(int api);

    [LibraryImport(Lib)]
    internal static partial IntPtr eglCreateContext(IntPtr display, IntPtr config, IntPtr shareContext, int[] attribs);

    [LibraryImport(Lib)]
    internal static partial uint eglDestroyContext(IntPtr display, IntPtr context);

    [LibraryImport(Lib)]
    internal static partial uint eglMakeCurrent(IntPtr display, IntPtr draw, IntPtr read, IntPtr context);

    [LibraryImport(Lib)]
    internal static partial IntPtr eglQueryString(IntPtr display, int name);

    [LibraryImport(Lib)]
    internal static partial int eglGetError();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr eglGetProcAddress(string name);
}
