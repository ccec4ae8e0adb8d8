using System.Runtime.InteropServices;

namespace Sim2Real.Vision.Interop;

/// <summary>An open cv::VideoCapture; released deterministically on Dispose.</summary>
internal sealed class CaptureHandle : SafeHandle
{
    public CaptureHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public static CaptureHandle FromPointer(IntPtr pointer)
    {
        var h = new CaptureHandle();
        h.SetHandle(pointer);
        return h;
    }

    protected override bool ReleaseHandle()
    {
        CvNative.s2r_cv_capture_release(handle);
        return true;
    }
}
