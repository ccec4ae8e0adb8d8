using System.Runtime.InteropServices;
using static Sim2Real.Sim.Rendering.OsMesaNative;

namespace Sim2Real.Sim.Rendering;

/// <summary>
/// A software OpenGL context from OSMesa, current on the thread that created it. MuJoCo draws into its own
/// framebuffer object, so the context's own colour buffer is only a small placeholder.
/// </summary>
internal sealed class OsMesaContext : IGlContext
{
    private const int BufferSide = 64;
    private IntPtr _context;
    private IntPtr _buffer;

    public OsMesaContext()
    {
        _context = OSMesaCreateContextExt(OSMESA_RGBA, 24, 8, 0, IntPtr.Zero);
        if (_context == IntPtr.Zero)
        {
            throw new RenderingException("OSMesa: OSMesaCreateContextExt failed (RGBA, depth 24, stencil 8)");
        }

        _buffer = Marshal.AllocHGlobal(BufferSide * BufferSide * 4);
        if (OSMesaMakeCurrent(_context, _buffer, GL_UNSIGNED_BYTE, BufferSide, BufferSide) == 0)
        {
            Dispose();
            throw new RenderingException("OSMesa: OSMesaMakeCurrent failed");
        }
    }

    public string Description => "OSMesa (software)";

    public void Dispose()
    {
        if (_context != IntPtr.Zero)
        {
            OSMesaDestroyContext(_context);
            _context = IntPtr.Zero;
        }

        if (_buffer != IntPtr.Zero)
        {
            Marshal.FreeHGlobal(_buffer);
            _buffer = IntPtr.Zero;
        }
    }
}
