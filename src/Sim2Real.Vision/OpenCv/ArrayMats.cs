using OpenCvSharp;

namespace Sim2Real.Vision;

/// <summary>Mats over the managed number arrays the calibration code keeps (row-major, no copy, pinned until Dispose).</summary>
internal static class ArrayMats
{
    public static TrackedMat Over(double[] data, int rows, int cols)
    {
        RequireLength(data, rows * cols);
        return TrackedMat.Over(data, rows, cols, MatType.CV_64FC1);
    }

    public static TrackedMat Over(float[] data, int rows, int cols, int channels = 1)
    {
        RequireLength(data, rows * cols * channels);
        return TrackedMat.Over(data, rows, cols, MatType.CV_32FC(channels));
    }

    /// <summary>The values of a double matrix OpenCV produced, row by row.</summary>
    public static unsafe double[] ToDoubles(Mat mat, string what)
    {
        ArgumentNullException.ThrowIfNull(mat);
        if (mat.Type() != MatType.CV_64FC1 || !mat.IsContinuous())
        {
            throw new OpenCvException($"{what}: expected a continuous double matrix, got {mat.Type()}");
        }

        return new ReadOnlySpan<double>(mat.DataPointer, (int)mat.Total()).ToArray();
    }

    private static void RequireLength(Array data, int expected)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != expected)
        {
            throw new ArgumentException($"the array holds {data.Length} numbers, the matrix needs {expected}", nameof(data));
        }
    }
}
