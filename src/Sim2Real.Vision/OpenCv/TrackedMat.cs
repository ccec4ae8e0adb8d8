using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Sim2Real.Vision;

/// <summary>
/// An OpenCvSharp Mat header over memory Vision lends it (an image's pixels, a capture buffer), counted by
/// <see cref="LiveMats"/>. It pins a managed array itself and unpins on Dispose: OpenCvSharp 4.13.0.20260627's own
/// array-pinning Mats keep the array pinned until the garbage collector finalizes their pin.
/// </summary>
internal sealed class TrackedMat : Mat
{
    private GCHandle _pin;

    // OpenCvSharp 4.13 makes its own pointer constructor an error to call; the header it creates is copied (cv::Mat's
    // copy constructor shares the data, no copy of pixels) and the temporary released at once.
    private TrackedMat(Mat header, GCHandle pin)
        : base(header)
    {
        _pin = pin;
        BorrowedData = Data;
        LiveMats.Made();
    }

    /// <summary>The lent memory; OpenCV writing elsewhere means it reallocated the Mat (a size or type mismatch).</summary>
    public IntPtr BorrowedData { get; }

    public bool StillBorrowed => Data == BorrowedData;

    /// <summary>A header over <paramref name="array"/>, pinned until Dispose.</summary>
    public static TrackedMat Over(Array array, int rows, int cols, MatType type, long step = 0)
    {
        ArgumentNullException.ThrowIfNull(array);
        var pin = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            using var header = FromPixelData(rows, cols, type, pin.AddrOfPinnedObject(), step);
            return new TrackedMat(header, pin);
        }
        catch
        {
            pin.Free();
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (!IsDisposed)
        {
            if (disposing)
            {
                LiveMats.Released();
            }
            else
            {
                LiveMats.Leaked();
            }
        }

        base.Dispose(disposing);
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }
    }
}
