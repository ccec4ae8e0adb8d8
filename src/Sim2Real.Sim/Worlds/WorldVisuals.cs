using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Worlds;

/// <summary>
/// A world's fixed visual changes, written into the model after the visual randomizer has restored or jittered it
/// for the episode (so they never compound): camera shift and rotation, colour shift, light intensity.
/// </summary>
internal static class WorldVisuals
{
    public static void Apply(MjModel model, WorldPerturbation perturbation)
    {
        if (perturbation.CameraShiftM is { } shift)
        {
            var pos = model.cam_pos;
            var pos0 = model.cam_pos0;
            for (var c = 0; c < model.ncam; c++)
            {
                for (var k = 0; k < 3; k++)
                {
                    pos[(3 * c) + k] += shift[k];
                    pos0[(3 * c) + k] += shift[k];
                }
            }
        }

        if (perturbation.CameraRotationDeg is { } degrees)
        {
            var axis = perturbation.CameraRotationAxis ?? [1, 0, 0];
            var norm = Math.Sqrt((axis[0] * axis[0]) + (axis[1] * axis[1]) + (axis[2] * axis[2]));
            var half = degrees * Math.PI / 360;
            var s = Math.Sin(half) / norm;
            double rw = Math.Cos(half), rx = axis[0] * s, ry = axis[1] * s, rz = axis[2] * s;
            var quat = model.cam_quat;
            for (var c = 0; c < model.ncam; c++)
            {
                // q * r: the rotation is about an axis of the camera's own frame.
                var q = quat.Slice(4 * c, 4);
                double w = q[0], x = q[1], y = q[2], z = q[3];
                q[0] = (w * rw) - (x * rx) - (y * ry) - (z * rz);
                q[1] = (w * rx) + (x * rw) + (y * rz) - (z * ry);
                q[2] = (w * ry) - (x * rz) + (y * rw) + (z * rx);
                q[3] = (w * rz) + (x * ry) - (y * rx) + (z * rw);
            }
        }

        if (perturbation.GeomRgbShift is { } rgb)
        {
            // As the visual randomizer does: geoms with a material show the material's colour, so those change there.
            var matid = model.geom_matid;
            var geoms = model.geom_rgba;
            for (var g = 0; g < model.ngeom; g++)
            {
                if (matid[g] < 0)
                {
                    Shift(geoms.Slice(4 * g, 4), rgb);
                }
            }

            var materials = model.mat_rgba;
            for (var m = 0; m < model.nmat; m++)
            {
                Shift(materials.Slice(4 * m, 4), rgb);
            }
        }

        if (perturbation.LightDiffuse is { } level)
        {
            var diffuse = model.light_diffuse;
            for (var i = 0; i < diffuse.Length; i++)
            {
                diffuse[i] = (float)level;
            }
        }
    }

    private static void Shift(Span<float> rgba, List<double> rgb)
    {
        for (var k = 0; k < 3; k++)
        {
            rgba[k] = (float)Math.Clamp(rgba[k] + rgb[k], 0, 1);
        }
    }
}
