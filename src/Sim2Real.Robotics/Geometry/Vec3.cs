namespace Sim2Real.Robotics.Geometry;

/// <summary>A 3-vector in double precision (metres, or a direction). Forward kinematics must agree with MuJoCo to 1e-7 m.</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 Zero => default;

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public double Norm => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    public static Vec3 From(ReadOnlySpan<double> xyz) => new(xyz[0], xyz[1], xyz[2]);

    public void CopyTo(Span<double> xyz)
    {
        xyz[0] = X;
        xyz[1] = Y;
        xyz[2] = Z;
    }

    public override string ToString() => FormattableString.Invariant($"({X:G6}, {Y:G6}, {Z:G6})");
}
