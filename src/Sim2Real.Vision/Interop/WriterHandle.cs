using System.Runtime.InteropServices;

namespace Sim2Real.Vision.Interop;

/// <summary>An open cv::VideoWriter; releasing it finalizes the container (MP4 index) on Dispose.</summary>
internal sealed class WriterHandle : SafeHandle
{
    public WriterHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public static WriterHandle FromPointer(IntPtr pointer)
    {
        var h = new WriterHandle();
        h.SetHandle(pointer);
        return h;
    }

    protected override bool ReleaseHandle()
    {
        CvNative.s2r_cv_writer_release(handle);
        return true;
    }
}
