using System.Runtime.InteropServices;
using static Sim2Real.Sim.Rendering.EglNative;

namespace Sim2Real.Sim.Rendering;

/// <summary>
/// A headless OpenGL context from EGL, current on the thread that created it. Mesa's surfaceless platform needs
/// no display server; MuJoCo renders into its own framebuffer object, so no EGL surface is created.
/// A GL context belongs to one thread: create, use and dispose it on the same one.
/// </summary>
public sealed class EglContext : IGlContext
{
    private readonly IntPtr _display;
    private IntPtr _context;

    public EglContext()
    {
        _display = eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, IntPtr.Zero, IntPtr.Zero);
        if (_display == IntPtr.Zero)
        {
            _display = eglGetDisplay(IntPtr.Zero);
        }

        if (_display == IntPtr.Zero || eglInitialize(_display, out var major, out var minor) == 0)
        {
            throw new InvalidOperationException($"EGL: no display could be initialised (error 0x{eglGetError():X})");
        }

        EglVersion = $"{major}.{minor}";
        int[] configAttribs =
        [
            EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
            EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_DEPTH_SIZE, 24, EGL_NONE,
        ];
        if (eglChooseConfig(_display, configAttribs, out var config, 1, out var count) == 0 || count < 1)
        {
            eglTerminate(_display);
            throw new InvalidOperationException($"EGL: no RGBA8/depth24 OpenGL config (error 0x{eglGetError():X})");
        }

        eglBindAPI(EGL_OPENGL_API);
        _context = eglCreateContext(_display, config, IntPtr.Zero, [EGL_NONE]);
        if (_context == IntPtr.Zero || eglMakeCurrent(_display, IntPtr.Zero, IntPtr.Zero, _context) == 0)
        {
            var error = eglGetError();
            eglTerminate(_display);
            throw new InvalidOperationException($"EGL: could not create or bind an OpenGL context (error 0x{error:X})");
        }

        Vendor = Marshal.PtrToStringUTF8(eglQueryString(_display, EGL_VENDOR)) ?? "";
        Renderer = GlString(GL_RENDERER);
        GlVersion = GlString(GL_VERSION);
    }

    public string EglVersion { get; }

    public string Vendor { get; }

    /// <summary>GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)" without a GPU.</summary>
    public string Renderer { get; }

    public string GlVersion { get; }

    public string Description => $"EGL {EglVersion} ({Renderer})";

    public void Dispose()
    {
        if (_context != IntPtr.Zero)
        {
            eglMakeCurrent(_display, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
            eglDestroyContext(_display, _context);
            _context = IntPtr.Zero;
            eglTerminate(_display);
        }
    }

    private static unsafe string GlString(int name)
    {
        var glGetString = (delegate* unmanaged<int, IntPtr>)eglGetProcAddress("glGetString");
        if (glGetString == null)
        {
            return "unknown (glGetString not found)";
        }

        return Marshal.PtrToStringUTF8(glGetString(name)) ?? "unknown";
    }
}
