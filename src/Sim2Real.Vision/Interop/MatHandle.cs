using Sim2Real.Core.Imaging;
using System.Runtime.InteropServices;

namespace Sim2Real.Vision.Interop;

/// <summary>A cv::Mat allocated by the layer for results of unknown size; copied out, then freed.</summary>
internal sealed class MatHandle : SafeHandle
{
    public MatHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(CvNative.s2r_cv_mat_new());
        if (IsInvalid)
        {
            throw new OpenCvException($"cannot allocate a matrix: {CvNative.LastError}");
        }
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        CvNative.s2r_cv_mat_free(handle);
        return true;
    }

    /// <summary>Copies an 8-bit matrix (1, 3 or 4 channels) into a new <see cref="Image"/>.</summary>
    public unsafe Image ToImage(PixelFormat colourFormat)
    {
        CvNative.Check(CvNative.s2r_cv_mat_info(this, out var width, out var height, out var type, out var bytes), "matrix");
        var format = type switch
        {
            CvType.U8C1 => PixelFormat.Gray,
            CvType.U8C3 => colourFormat,
            CvType.U8C4 => PixelFormat.Bgra,
            _ => throw new OpenCvException($"unsupported matrix type {type}: expected 8-bit with 1, 3 or 4 channels"),
        };
        var pixels = GC.AllocateUninitializedArray<byte>(checked((int)bytes));
        fixed (byte* p = pixels)
        {
            CvNative.Check(CvNative.s2r_cv_mat_copy_to(this, p, pixels.Length), "matrix");
        }

        return new Image(width, height, format, pixels);
    }

    /// <summary>The bytes of a 1xN 8-bit matrix (an encoded image).</summary>
    public unsafe byte[] ToBytes()
    {
        CvNative.Check(CvNative.s2r_cv_mat_info(this, out _, out _, out _, out var bytes), "matrix");
        var result = GC.AllocateUninitializedArray<byte>(checked((int)bytes));
        fixed (byte* p = result)
        {
            CvNative.Check(CvNative.s2r_cv_mat_copy_to(this, p, result.Length), "matrix");
        }

        return result;
    }
}
