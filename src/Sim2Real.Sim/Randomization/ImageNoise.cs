namespace Sim2Real.Sim.Randomization;

/// <summary>
/// Adds Gaussian pixel noise cheaply: a table of standard normal samples is drawn once, and each frame reads it
/// from a random offset with a random odd stride. Drawing fresh normals per pixel (84x84x3 of them, each a log, a
/// square root and a cosine) cost more than rendering the frame.
/// </summary>
internal sealed class ImageNoise
{
    private const int TableSize = 1 << 16;
    private readonly float[] _table = new float[TableSize];

    public ImageNoise(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < TableSize; i += 2)
        {
            // Box-Muller gives two independent normals per pair of uniforms.
            var radius = Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble()));
            var angle = 2 * Math.PI * random.NextDouble();
            _table[i] = (float)(radius * Math.Cos(angle));
            _table[i + 1] = (float)(radius * Math.Sin(angle));
        }
    }

    public void Apply(Span<byte> frame, double std, Random random)
    {
        var offset = random.Next(TableSize);
        var stride = (2 * random.Next(1, 64)) + 1;
        var scale = (float)std;
        for (var i = 0; i < frame.Length; i++)
        {
            offset = (offset + stride) & (TableSize - 1);
            var value = frame[i] + (scale * _table[offset]);
            frame[i] = (byte)Math.Clamp(MathF.Round(value), 0f, 255f);
        }
    }
}
