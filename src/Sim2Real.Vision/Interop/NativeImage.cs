using System.Runtime.InteropServices;

namespace Sim2Real.Vision.Interop;

/// <summary>The layer's s2r_image: a borrowed view of pixels in a pinned managed array.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly unsafe struct NativeImage(void* data, int width, int height, int stride, int type)
{
    public readonly void* Data = data;
    public readonly int Width = width;
    public readonly int Height = height;
    public readonly int Stride = stride;
    public readonly int Type = type;
}
