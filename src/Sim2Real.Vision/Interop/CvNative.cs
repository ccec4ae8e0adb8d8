using System.Runtime.InteropServices;

namespace Sim2Real.Vision.Interop;

/// <summary>P/Invoke declarations for the project's OpenCV layer (src/native/opencv).</summary>
internal static unsafe partial class CvNative
{
    private const string Lib = "s2r_cv";

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_cv_last_error();

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_cv_version();

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_cv_runtime_version();

    [LibraryImport(Lib)]
    internal static partial IntPtr s2r_cv_mat_new();

    [LibraryImport(Lib)]
    internal static partial void s2r_cv_mat_free(IntPtr mat);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_mat_info(MatHandle mat, out int width, out int height, out int type, out long bytes);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_mat_copy_to(MatHandle mat, void* dst, long capacity);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_imdecode(byte* buf, long len, int flags, MatHandle mat);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int s2r_cv_imread(string path, int flags, MatHandle mat);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int s2r_cv_imencode(string ext, in NativeImage img, int* parameters, int count, MatHandle mat);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int s2r_cv_imwrite(string path, in NativeImage img, int* parameters, int count);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_resize(in NativeImage src, in NativeImage dst, int interpolation);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_cvt_color(in NativeImage src, in NativeImage dst, int code);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_init_undistort_rectify_map(
        double* k, double* dist, int ndist, double* r, double* newK, int width, int height, float* mapX, float* mapY);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_remap(in NativeImage src, in NativeImage dst, float* mapX, float* mapY, int interpolation, int borderMode);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_convert_maps(float* mapX, float* mapY, int width, int height, short* xy, ushort* fraction);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_remap_fixed(in NativeImage src, in NativeImage dst, short* xy, ushort* fraction, int interpolation, int borderMode);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_warp_perspective(in NativeImage src, in NativeImage dst, double* h, int interpolation, double borderValue);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_find_chessboard(in NativeImage gray, int cols, int rows, int flags, float* corners);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_corner_subpix(in NativeImage gray, float* corners, int count, int halfWindow, int maxIterations, double epsilon);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_calibrate_camera(
        int nviews, int* counts, float* objectPoints, float* imagePoints, int width, int height, int flags,
        double* k, double* dist, double* perViewErrors, double* rvecs, double* tvecs, out double rms);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_optimal_new_camera_matrix(double* k, double* dist, int ndist, int width, int height, double alpha, double* newK);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_solve_pnp(double* objectPoints, double* imagePoints, int count, double* k, double* dist, int ndist, double* rvec, double* tvec);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_project_points(double* objectPoints, int count, double* rvec, double* tvec, double* k, double* dist, int ndist, double* imagePoints);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_rodrigues(double* input, int inputLength, double* output);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_calibrate_hand_eye(
        int n, double* rGripper2Base, double* tGripper2Base, double* rTarget2Cam, double* tTarget2Cam, int method,
        double* rCam2Gripper, double* tCam2Gripper);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_charuco_detect(
        in NativeImage gray, int squaresX, int squaresY, double square, double marker, int dictionary, int capacity, int* ids, float* corners);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_charuco_draw(int squaresX, int squaresY, double square, double marker, int dictionary, int marginPx, in NativeImage output);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr s2r_cv_capture_open(string uri, int index, int api, int* parameters, int count);

    [LibraryImport(Lib)]
    internal static partial void s2r_cv_capture_release(IntPtr capture);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_capture_grab(CaptureHandle capture);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_capture_retrieve(CaptureHandle capture, MatHandle mat);

    [LibraryImport(Lib)]
    internal static partial double s2r_cv_capture_get(CaptureHandle capture, int property);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_capture_backend(CaptureHandle capture, byte* name, int capacity);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr s2r_cv_writer_open(string path, int api, string fourcc, double fps, int width, int height, int isColor);

    [LibraryImport(Lib)]
    internal static partial int s2r_cv_writer_write(WriterHandle writer, in NativeImage frame);

    [LibraryImport(Lib)]
    internal static partial void s2r_cv_writer_release(IntPtr writer);

    internal static string Utf8(IntPtr p) => Marshal.PtrToStringUTF8(p) ?? "";

    internal static string LastError => Utf8(s2r_cv_last_error());

    /// <summary>Turns the layer's -1 into an <see cref="OpenCvException"/> carrying OpenCV's message.</summary>
    internal static int Check(int status, string context)
    {
        if (status < 0)
        {
            throw new OpenCvException($"{context}: {LastError}");
        }

        return status;
    }
}
