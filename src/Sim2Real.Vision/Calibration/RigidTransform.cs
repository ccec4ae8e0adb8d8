using OpenCvSharp;

namespace Sim2Real.Vision.Calibration;

/// <summary>A rotation (3x3, row-major) and translation (metres) mapping child-frame points into the parent frame.</summary>
public sealed record RigidTransform(double[] R, double[] T)
{
    public static RigidTransform Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]);

    /// <summary>From a unit quaternion in ROS order (x, y, z, w); normalised here.</summary>
    public static RigidTransform FromQuaternion(double[] position, double[] xyzw)
    {
        ArgumentNullException.ThrowIfNull(xyzw);
        var n = Math.Sqrt(xyzw.Sum(v => v * v));
        var (x, y, z, w) = (xyzw[0] / n, xyzw[1] / n, xyzw[2] / n, xyzw[3] / n);
        return new RigidTransform(
            [
                1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) - (z * w)), 2 * ((x * z) + (y * w)),
                2 * ((x * y) + (z * w)), 1 - (2 * ((x * x) + (z * z))), 2 * ((y * z) - (x * w)),
                2 * ((x * z) - (y * w)), 2 * ((y * z) + (x * w)), 1 - (2 * ((x * x) + (y * y))),
            ],
            [.. position]);
    }

    /// <summary>From OpenCV's rotation vector (axis times angle in radians).</summary>
    public static RigidTransform FromRotationVector(double[] rvec, double[] t)
    {
        ArgumentNullException.ThrowIfNull(rvec);
        ArgumentNullException.ThrowIfNull(t);
        return new RigidTransform(Rodrigues(rvec, 3, 1, 3, 3), [.. t]);
    }

    public double[] RotationVector() => Rodrigues(R, 3, 3, 3, 1);

    private static double[] Rodrigues(double[] input, int inRows, int inCols, int outRows, int outCols)
    {
        var output = new double[outRows * outCols];
        using var source = ArrayMats.Over(input, inRows, inCols);
        using var result = ArrayMats.Over(output, outRows, outCols);
        try
        {
            Cv2.Rodrigues(source, result);
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("Rodrigues", e);
        }

        return result.StillBorrowed ? output : throw new OpenCvException("Rodrigues: OpenCV reallocated the result");
    }

    /// <summary>Unit quaternion (x, y, z, w) with w &gt;= 0.</summary>
    public double[] Quaternion()
    {
        var trace = R[0] + R[4] + R[8];
        double x, y, z, w;
        if (trace > 0)
        {
            var s = Math.Sqrt(trace + 1) * 2;
            (w, x, y, z) = (s / 4, (R[7] - R[5]) / s, (R[2] - R[6]) / s, (R[3] - R[1]) / s);
        }
        else if (R[0] > R[4] && R[0] > R[8])
        {
            var s = Math.Sqrt(1 + R[0] - R[4] - R[8]) * 2;
            (w, x, y, z) = ((R[7] - R[5]) / s, s / 4, (R[1] + R[3]) / s, (R[2] + R[6]) / s);
        }
        else if (R[4] > R[8])
        {
            var s = Math.Sqrt(1 + R[4] - R[0] - R[8]) * 2;
            (w, x, y, z) = ((R[2] - R[6]) / s, (R[1] + R[3]) / s, s / 4, (R[5] + R[7]) / s);
        }
        else
        {
            var s = Math.Sqrt(1 + R[8] - R[0] - R[4]) * 2;
            (w, x, y, z) = ((R[3] - R[1]) / s, (R[2] + R[6]) / s, (R[5] + R[7]) / s, s / 4);
        }

        var sign = w < 0 ? -1 : 1;
        return [sign * x, sign * y, sign * z, sign * w];
    }

    public RigidTransform Then(RigidTransform child)
    {
        ArgumentNullException.ThrowIfNull(child);
        var r = new double[9];
        var t = new double[3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                r[(3 * i) + j] = (R[3 * i] * child.R[j]) + (R[(3 * i) + 1] * child.R[3 + j]) + (R[(3 * i) + 2] * child.R[6 + j]);
            }

            t[i] = (R[3 * i] * child.T[0]) + (R[(3 * i) + 1] * child.T[1]) + (R[(3 * i) + 2] * child.T[2]) + T[i];
        }

        return new RigidTransform(r, t);
    }

    public RigidTransform Inverse()
    {
        double[] rt = [R[0], R[3], R[6], R[1], R[4], R[7], R[2], R[5], R[8]];
        var t = new double[3];
        for (var i = 0; i < 3; i++)
        {
            t[i] = -((rt[3 * i] * T[0]) + (rt[(3 * i) + 1] * T[1]) + (rt[(3 * i) + 2] * T[2]));
        }

        return new RigidTransform(rt, t);
    }

    /// <summary>Rotation angle in degrees between this and <paramref name="other"/>.</summary>
    public double AngleTo(RigidTransform other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var d = Inverse().Then(other).R;
        return Math.Acos(Math.Clamp((d[0] + d[4] + d[8] - 1) / 2, -1, 1)) * 180 / Math.PI;
    }

    public double DistanceTo(RigidTransform other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Math.Sqrt(T.Zip(other.T, (a, b) => (a - b) * (a - b)).Sum());
    }
}
