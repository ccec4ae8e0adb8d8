using System.Globalization;
using System.Text;

namespace Sim2Real.Sim.Calibration;

/// <summary>
/// An MJCF scene for closing the calibration loop: a flat chessboard of black box geoms on a white plate at the
/// origin, and one fixed camera of known fovy per viewpoint, each looking at the board from another angle.
/// </summary>
public static class ChessboardScene
{
    /// <summary>A MuJoCo camera placement: position and the x (right) and y (up) axes of its frame, in the world.</summary>
    public sealed record Viewpoint(double[] Position, double[] X, double[] Y);

    /// <summary>Viewpoints on a sphere cap above the board: 40..85 degrees elevation, all around, rolled a little.</summary>
    public static IReadOnlyList<Viewpoint> Viewpoints(int views, int seed = 3)
    {
        var random = new Random(seed);
        var result = new List<Viewpoint>();
        for (var i = 0; i < views; i++)
        {
            var elevation = (40 + (45 * random.NextDouble())) * Math.PI / 180;
            var azimuth = random.NextDouble() * 2 * Math.PI;
            var distance = 0.42 + (0.2 * random.NextDouble());
            var roll = (random.NextDouble() - 0.5) * 0.6;
            var target = new[] { (random.NextDouble() - 0.5) * 0.04, (random.NextDouble() - 0.5) * 0.04, 0 };
            var pos = new[]
            {
                target[0] + (distance * Math.Cos(elevation) * Math.Cos(azimuth)),
                target[1] + (distance * Math.Cos(elevation) * Math.Sin(azimuth)),
                distance * Math.Sin(elevation),
            };
            var (x, y) = CameraAxes(pos, target, roll);
            result.Add(new Viewpoint(pos, x, y));
        }

        return result;
    }

    /// <summary>The scene with one camera per viewpoint, named view0, view1, ...</summary>
    /// <param name="innerColumns">Inner corners along x (squares along x minus one).</param>
    public static string Xml(int innerColumns, int innerRows, double square, double fovyDegrees, IReadOnlyList<Viewpoint> viewpoints)
    {
        var inv = CultureInfo.InvariantCulture;
        var (sx, sy) = (innerColumns + 1, innerRows + 1);
        var (w, h) = (sx * square, sy * square);
        var xml = new StringBuilder();
        xml.Append(inv, $"""
            <mujoco model="calibration_chessboard">
              <visual>
                <headlight ambient="0.55 0.55 0.55" diffuse="0.45 0.45 0.45" specular="0 0 0"/>
                <quality shadowsize="0"/>
              </visual>
              <asset>
                <material name="white" rgba="0.92 0.92 0.92 1" specular="0" shininess="0" reflectance="0"/>
                <material name="black" rgba="0.03 0.03 0.03 1" specular="0" shininess="0" reflectance="0"/>
              </asset>
              <default><geom contype="0" conaffinity="0"/></default>
              <worldbody>
                <geom name="plate" type="box" pos="0 0 -0.002" size="{(w / 2) + (1.5 * square)} {(h / 2) + (1.5 * square)} 0.001" material="white"/>

            """);
        for (var r = 0; r < sy; r++)
        {
            for (var c = 0; c < sx; c++)
            {
                if ((r + c) % 2 == 0)
                {
                    var x = (-w / 2) + ((c + 0.5) * square);
                    var y = (-h / 2) + ((r + 0.5) * square);
                    xml.Append(inv, $"    <geom type=\"box\" pos=\"{x} {y} 0\" size=\"{square / 2} {square / 2} 0.0005\" material=\"black\"/>\n");
                }
            }
        }

        for (var i = 0; i < viewpoints.Count; i++)
        {
            var (pos, x, y) = (viewpoints[i].Position, viewpoints[i].X, viewpoints[i].Y);
            xml.Append(inv, $"    <camera name=\"view{i}\" mode=\"fixed\" fovy=\"{fovyDegrees}\" pos=\"{pos[0]} {pos[1]} {pos[2]}\" xyaxes=\"{x[0]} {x[1]} {x[2]} {y[0]} {y[1]} {y[2]}\"/>\n");
        }

        xml.Append("  </worldbody>\n</mujoco>\n");
        return xml.ToString();
    }

    // MuJoCo cameras look along their -z axis with +y up in the image.
    private static (double[] X, double[] Y) CameraAxes(double[] pos, double[] target, double roll)
    {
        var z = Normalize([pos[0] - target[0], pos[1] - target[1], pos[2] - target[2]]);
        var x = Normalize(Cross([0, 0, 1], z));
        var y = Cross(z, x);
        var (c, s) = (Math.Cos(roll), Math.Sin(roll));
        return ([(c * x[0]) + (s * y[0]), (c * x[1]) + (s * y[1]), (c * x[2]) + (s * y[2])],
                [(-s * x[0]) + (c * y[0]), (-s * x[1]) + (c * y[1]), (-s * x[2]) + (c * y[2])]);
    }

    private static double[] Cross(double[] a, double[] b) =>
        [(a[1] * b[2]) - (a[2] * b[1]), (a[2] * b[0]) - (a[0] * b[2]), (a[0] * b[1]) - (a[1] * b[0])];

    private static double[] Normalize(double[] v)
    {
        var n = Math.Sqrt((v[0] * v[0]) + (v[1] * v[1]) + (v[2] * v[2]));
        return [v[0] / n, v[1] / n, v[2] / n];
    }
}
