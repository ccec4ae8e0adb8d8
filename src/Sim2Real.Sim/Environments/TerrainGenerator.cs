using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Environments;

/// <summary>
/// Fills a height field with smooth random bumps: a few low-frequency waves plus per-cell jitter, level within
/// <see cref="TerrainConfig.FlatRadiusM"/> of the origin. MuJoCo scales the normalized [0, 1] data by the hfield's
/// size[2], so the tallest bump is size[2] * max(data).
/// </summary>
internal static class TerrainGenerator
{
    /// <param name="rows">hfield_nrow (rows run along y).</param>
    /// <param name="cols">hfield_ncol (columns run along x).</param>
    /// <param name="halfX">hfield size[0]: the field spans [-halfX, halfX].</param>
    /// <param name="halfY">hfield size[1].</param>
    /// <param name="elevationM">hfield size[2], which scales the normalized data.</param>
    public static void Fill(Span<float> data, int rows, int cols, double halfX, double halfY, double elevationM, TerrainConfig config)
    {
        if (data.Length != rows * cols)
        {
            throw new ArgumentException($"hfield data has {data.Length} values, expected {rows}x{cols}", nameof(data));
        }

        var random = new Random(config.Seed);
        var peak = Math.Min(1.0, config.BumpHeightM / elevationM);
        const int waveCount = 6;
        var waves = new (double Kx, double Ky, double Phase, double Amplitude)[waveCount];
        var amplitudeSum = 0.0;
        for (var i = 0; i < waveCount; i++)
        {
            waves[i] = (Uniform(random, 0.5, 2.5), Uniform(random, 0.5, 2.5), Uniform(random, 0, 2 * Math.PI), Uniform(random, 0.3, 1.0));
            amplitudeSum += waves[i].Amplitude;
        }

        for (var r = 0; r < rows; r++)
        {
            var y = -halfY + (2 * halfY * r / Math.Max(1, rows - 1));
            for (var c = 0; c < cols; c++)
            {
                var x = -halfX + (2 * halfX * c / Math.Max(1, cols - 1));
                var h = 0.0;
                foreach (var w in waves)
                {
                    h += w.Amplitude * Math.Sin((w.Kx * x) + (w.Ky * y) + w.Phase);
                }

                h = Math.Clamp(0.5 + (0.5 * h / amplitudeSum) + Uniform(random, -0.15, 0.15), 0, 1);
                // Blend from level ground at the spawn point to full bumps over 0.8 m.
                var blend = Math.Clamp((Math.Sqrt((x * x) + (y * y)) - config.FlatRadiusM) / 0.8, 0, 1);
                data[(r * cols) + c] = (float)(blend * h * peak);
            }
        }
    }

    private static double Uniform(Random random, double low, double high) => low + ((high - low) * random.NextDouble());
}
