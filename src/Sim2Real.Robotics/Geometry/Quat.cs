namespace Sim2Real.Robotics.Geometry;

/// <summary>
/// A unit quaternion (w, x, y, z), MuJoCo's order. The arithmetic follows MuJoCo's mju_mulQuat, mju_rotVecQuat and
/// mju_axisAngle2Quat operation for operation, so kinematics computed here matches the simulator's to rounding.
/// ROS messages order it (x, y, z, w).
/// </summary>
public readonly record struct Quat(double W, double X, double Y, double Z)
{
    public static Quat Identity => new(1, 0, 0, 0);

    public static Quat From(ReadOnlySpan<double> wxyz) => new(wxyz[0], wxyz[1], wxyz[2], wxyz[3]);

    /// <summary>Hamilton product: first rotate by <paramref name="b"/>, then by <paramref name="a"/> (mju_mulQuat).</summary>
    public static Quat operator *(Quat a, Quat b) => new(
        (a.W * b.W) - (a.X * b.X) - (a.Y * b.Y) - (a.Z * b.Z),
        (a.W * b.X) + (a.X * b.W) + (a.Y * b.Z) - (a.Z * b.Y),
        (a.W * b.Y) - (a.X * b.Z) + (a.Y * b.W) + (a.Z * b.X),
        (a.W * b.Z) + (a.X * b.Y) - (a.Y * b.X) + (a.Z * b.W));

    public Quat Conjugate => new(W, -X, -Y, -Z);

    /// <summary>mju_axisAngle2Quat: rotation by <paramref name="angle"/> rad about the unit <paramref name="axis"/>.</summary>
    public static Quat FromAxisAngle(Vec3 axis, double angle)
    {
        if (angle == 0)
        {
            return Identity;
        }

        var s = Math.Sin(angle * 0.5);
        return new Quat(Math.Cos(angle * 0.5), axis.X * s, axis.Y * s, axis.Z * s);
    }

    /// <summary>mju_normalize4: unit length; a degenerate quaternion becomes the identity.</summary>
    public Quat Normalized()
    {
        var norm = Math.Sqrt((W * W) + (X * X) + (Y * Y) + (Z * Z));
        if (norm < 1e-15)
        {
            return Identity;
        }

        var inv = 1 / norm;
        return new Quat(W * inv, X * inv, Y * inv, Z * inv);
    }

    /// <summary>mju_rotVecQuat: <paramref name="v"/> rotated by this quaternion.</summary>
    public Vec3 Rotate(Vec3 v)
    {
        if (W == 1 && X == 0 && Y == 0 && Z == 0)
        {
            return v;
        }

        // tmp = w*v + cross(q.xyz, v); res = v + 2 * cross(q.xyz, tmp)
        var t0 = (W * v.X) + (Y * v.Z) - (Z * v.Y);
        var t1 = (W * v.Y) + (Z * v.X) - (X * v.Z);
        var t2 = (W * v.Z) + (X * v.Y) - (Y * v.X);
        return new Vec3(
            v.X + (2 * ((Y * t2) - (Z * t1))),
            v.Y + (2 * ((Z * t0) - (X * t2))),
            v.Z + (2 * ((X * t1) - (Y * t0))));
    }

    /// <summary>The inverse rotation of <paramref name="v"/>: world to body for a body-to-world quaternion.</summary>
    public Vec3 InverseRotate(Vec3 v) => Conjugate.Rotate(v);

    public override string ToString() => FormattableString.Invariant($"(w {W:G6}, {X:G6}, {Y:G6}, {Z:G6})");
}
