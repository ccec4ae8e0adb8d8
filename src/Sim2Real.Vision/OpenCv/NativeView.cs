using OpenCvSharp;
using OpenCvSharp.Internal;

namespace Sim2Real.Vision;

/// <summary>
/// A cv::Mat header over pinned memory for the length of one call, with the cv::_InputArray and cv::_OutputArray
/// that OpenCV's functions take, made and freed through OpenCvSharp's exported functions. The frame path uses it
/// instead of Cv2's wrappers because OpenCvSharp 4.13 allocates a proxy object (and its SafeHandle) per argument
/// per call and leaves the input proxies to the finalizer; OpenCvSharp 5 turns those proxies into ref structs.
/// </summary>
internal readonly unsafe ref struct NativeView
{
    private readonly IntPtr _mat;

    public NativeView(void* data, int rows, int cols, MatType type, long step)
    {
        Data = data;
        NativeMethods.HandleException(NativeMethods.core_Mat_new8(rows, cols, type, (IntPtr)data, (IntPtr)step, out _mat));
        try
        {
            NativeMethods.HandleException(NativeMethods.core_InputArray_new_byMat(_mat, out var input));
            Input = input;
            NativeMethods.HandleException(NativeMethods.core_OutputArray_new_byMat(_mat, out var output));
            Output = output;
        }
        catch
        {
            Free();
            throw;
        }

        LiveMats.Made();
    }

    public void* Data { get; }

    public IntPtr Input { get; }

    public IntPtr Output { get; }

    /// <summary>Whether the matrix still points at the lent memory: OpenCV reallocates an output that does not fit.</summary>
    public bool StillBorrowed
    {
        get
        {
            NativeMethods.HandleException(NativeMethods.core_Mat_data(_mat, out var data));
            return data == Data;
        }
    }

    /// <summary>An 8-bit view of <paramref name="channels"/>-channel pixels.</summary>
    public static NativeView Pixels(byte* data, int width, int height, int channels, int stride) =>
        new(data, height, width, MatType.CV_8UC(channels), stride);

    public void Dispose()
    {
        Free();
        LiveMats.Released();
    }

    private void Free()
    {
        if (Output != IntPtr.Zero)
        {
            NativeMethods.HandleException(NativeMethods.core_OutputArray_delete(Output));
        }

        if (Input != IntPtr.Zero)
        {
            NativeMethods.HandleException(NativeMethods.core_InputArray_delete(Input));
        }

        if (_mat != IntPtr.Zero)
        {
            NativeMethods.HandleException(NativeMethods.core_Mat_delete(_mat));
        }
    }
}
