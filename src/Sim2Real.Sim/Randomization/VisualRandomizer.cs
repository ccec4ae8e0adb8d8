using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Randomization;

/// <summary>
/// Jitters what the cameras see: light positions, brightness and how many are on; geom and material colours;
/// camera position, orientation and field of view. Like <see cref="PhysicsRandomizer"/>, every episode starts from
/// the nominal values captured at construction. Image noise is added per frame by the environment.
/// </summary>
internal sealed class VisualRandomizer
{
    private readonly MjModel _model;
    private readonly VisualRandomizationConfig _config;
    private readonly double[] _lightPos;
    private readonly float[] _lightDiffuse;
    private readonly byte[] _lightActive;
    private readonly float[] _geomRgba;
    private readonly float[] _matRgba;
    private readonly double[] _camPos;
    private readonly double[] _camPos0;
    private readonly double[] _camQuat;
    private readonly double[] _camFovy;

    public VisualRandomizer(MjModel model, VisualRandomizationConfig config)
    {
        _model = model;
        _config = config;
        _lightPos = model.light_pos.ToArray();
        _lightDiffuse = model.light_diffuse.ToArray();
        _lightActive = model.light_active.ToArray();
        _geomRgba = model.geom_rgba.ToArray();
        _matRgba = model.mat_rgba.ToArray();
        _camPos = model.cam_pos.ToArray();
        _camPos0 = model.cam_pos0.ToArray();
        _camQuat = model.cam_quat.ToArray();
        _camFovy = model.cam_fovy.ToArray();
    }

    /// <summary>Puts every visual field back as authored.</summary>
    public void Restore()
    {
        _lightPos.CopyTo(_model.light_pos);
        _lightDiffuse.CopyTo(_model.light_diffuse);
        _lightActive.CopyTo(_model.light_active);
        _geomRgba.CopyTo(_model.geom_rgba);
        _matRgba.CopyTo(_model.mat_rgba);
        _camPos.CopyTo(_model.cam_pos);
        _camPos0.CopyTo(_model.cam_pos0);
        _camQuat.CopyTo(_model.cam_quat);
        _camFovy.CopyTo(_model.cam_fovy);
    }

    public VisualFactors Apply(Random random)
    {
        Restore();
        var lights = _model.nlight;
        var on = Math.Min(lights, random.Next((int)_config.LightCount.Min, (int)_config.LightCount.Max + 1));
        var pos = _model.light_pos;
        var diffuse = _model.light_diffuse;
        var active = _model.light_active;
        var diffuseSum = 0.0;
        for (var l = 0; l < lights; l++)
        {
            active[l] = (byte)(l < on ? 1 : 0);
            for (var k = 0; k < 3; k++)
            {
                pos[(3 * l) + k] += Jitter(random, _config.LightPositionJitterM);
            }

            var level = FactorSampler.Uniform(random, _config.LightDiffuse);
            diffuseSum += level;
            for (var k = 0; k < 3; k++)
            {
                diffuse[(3 * l) + k] = (float)Math.Clamp(level * (1 + Jitter(random, 0.1)), 0, 1);
            }
        }

        // A geom with a material shows the material's colour unless its own rgba differs from MuJoCo's default
        // (0.5, 0.5, 0.5, 1): jittering that rgba would replace the material, so such geoms change via the material.
        var matid = _model.geom_matid;
        var rgba = _model.geom_rgba;
        for (var g = 0; g < _model.ngeom; g++)
        {
            if (matid[g] < 0)
            {
                JitterColours(rgba.Slice(4 * g, 4), random);
            }
        }

        JitterColours(_model.mat_rgba, random);

        var camPos = _model.cam_pos;
        var camPos0 = _model.cam_pos0;
        var quat = _model.cam_quat;
        var fovy = _model.cam_fovy;
        var fovySum = 0.0;
        for (var c = 0; c < _model.ncam; c++)
        {
            for (var k = 0; k < 3; k++)
            {
                var shift = Jitter(random, _config.CameraPositionJitterM);
                camPos[(3 * c) + k] += shift;
                camPos0[(3 * c) + k] += shift;
            }

            Rotate(quat.Slice(4 * c, 4), random, _config.CameraRotationJitterRad);
            var delta = Jitter(random, _config.CameraFovyJitterDeg);
            fovy[c] += delta;
            fovySum += delta;
        }

        return new VisualFactors(on, lights == 0 ? 0 : diffuseSum / lights, _model.ncam == 0 ? 0 : fovySum / _model.ncam, _config.ImageNoiseStd);
    }

    private void JitterColours(Span<float> rgba, Random random)
    {
        for (var i = 0; i < rgba.Length; i += 4)
        {
            for (var k = 0; k < 3; k++)
            {
                rgba[i + k] = (float)Math.Clamp(rgba[i + k] + Jitter(random, _config.GeomRgbJitter), 0, 1);
            }
        }
    }

    // Composes the camera's orientation with a rotation of up to maxAngle about a random axis.
    private static void Rotate(Span<double> q, Random random, double maxAngle)
    {
        if (maxAngle <= 0)
        {
            return;
        }

        double ax = Gaussian(random), ay = Gaussian(random), az = Gaussian(random);
        var norm = Math.Sqrt((ax * ax) + (ay * ay) + (az * az));
        if (norm < 1e-12)
        {
            return;
        }

        var half = 0.5 * maxAngle * random.NextDouble();
        var s = Math.Sin(half) / norm;
        double rw = Math.Cos(half), rx = ax * s, ry = ay * s, rz = az * s;
        double w = q[0], x = q[1], y = q[2], z = q[3];
        q[0] = (w * rw) - (x * rx) - (y * ry) - (z * rz);
        q[1] = (w * rx) + (x * rw) + (y * rz) - (z * ry);
        q[2] = (w * ry) - (x * rz) + (y * rw) + (z * rx);
        q[3] = (w * rz) + (x * ry) - (y * rx) + (z * rw);
    }

    private static double Jitter(Random random, double amplitude) => amplitude * ((2 * random.NextDouble()) - 1);

    internal static double Gaussian(Random random) => Randomization.Gaussian.Sample(random);
}
