using System.Globalization;
using Sim2Real.Core.Imaging;
using Sim2Real.Vision;

namespace Sim2Real.Training;

/// <summary>
/// The learning curve as a PNG: evaluation success rate (top panel, 0 to 100%) and mean evaluation return
/// (bottom panel) against environment frames, with the process CPU minutes spent by each frame tick under it
/// (budgets are stated in CPU time), and tick labels in a built-in 3x5 pixel font.
/// </summary>
public static class LearningCurvePlot
{
    private const int Width = 720, Height = 500, Left = 70, Right = 20, Top = 30, Gap = 50, Bottom = 60, Scale = 2;

    private static readonly (byte, byte, byte) Black = (0, 0, 0), Grid = (225, 225, 225), Blue = (31, 119, 180), Red = (214, 39, 40), Gray = (110, 110, 110);

    /// <summary>File name of the plot inside a run directory.</summary>
    public const string FileName = "learning_curve.png";

    /// <summary>Redraws a run's plot from its eval.csv; returns the evaluations drawn.</summary>
    /// <param name="totalFrames">The frame axis' end; null ends it at the last evaluation.</param>
    /// <exception cref="FileNotFoundException">The run has no eval.csv.</exception>
    /// <exception cref="InvalidDataException">A row of eval.csv is malformed; names the line.</exception>
    public static IReadOnlyList<EvalResult> Redraw(string runDirectory, long? totalFrames = null)
    {
        var csv = Path.Combine(runDirectory, EvalResult.CsvFileName);
        if (!File.Exists(csv))
        {
            throw new FileNotFoundException($"no evaluations to plot: {csv} does not exist", csv);
        }

        var evals = EvalResult.ReadCsv(csv);
        Write(Path.Combine(runDirectory, FileName), evals, totalFrames ?? 1);
        return evals;
    }

    public static void Write(string path, IReadOnlyList<EvalResult> evals, long totalFrames)
    {
        var rgb = new byte[Width * Height * 3];
        Array.Fill(rgb, (byte)255);
        var panel = (Height - Top - Gap - Bottom) / 2;
        var xMax = Math.Max(totalFrames, evals.Count > 0 ? evals.Max(e => e.Frame) : 1);
        var returns = evals.Select(e => e.MeanReturn).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double rMin = returns.Min(), rMax = returns.Max();
        if (rMax - rMin < 1e-9)
        {
            rMin -= 1;
            rMax += 1;
        }

        Panel(rgb, Top, panel, xMax, 0, 1, "SUCCESS %", v => (v * 100).ToString("F0", CultureInfo.InvariantCulture), evals.Select(e => (e.Frame, e.SuccessRate)), Blue);
        var bottom = Top + panel + Gap;
        Panel(rgb, bottom, panel, xMax, rMin, rMax, "RETURN", v => v.ToString("F0", CultureInfo.InvariantCulture), evals.Select(e => (e.Frame, e.MeanReturn)), Red);
        Text(rgb, 4, bottom + panel + 8, "FRAMES", Black);
        Text(rgb, 4, bottom + panel + 24, "CPU MIN", Gray);
        for (var i = 0; i <= 4; i++)
        {
            var frame = xMax * i / 4.0;
            if (CpuMinutesAt(evals, frame) is { } minutes)
            {
                var text = minutes.ToString("F1", CultureInfo.InvariantCulture);
                Text(rgb, X(frame, xMax) - (text.Length * 2 * Scale), bottom + panel + 24, text, Gray);
            }
        }

        File.WriteAllBytes(path, ImageCodec.Encode(Image.FromRgb(Width, Height, rgb), ".png"));
    }

    /// <summary>
    /// ẑ tracking a payload change (the RMA demo): the payload (top, kg) and the RMS error against z = μ(e_t) of ẑ
    /// with φ (blue) and of the mean z without it (red), against time; time in seconds.
    /// </summary>
    public static void WriteTracking(string path, IReadOnlyList<Rma.RmaTrackingPoint> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var rgb = new byte[Width * Height * 3];
        Array.Fill(rgb, (byte)255);
        var panel = (Height - Top - Gap - Bottom) / 2;
        var xMax = Math.Max(1, (long)Math.Ceiling(1000 * trace.Select(p => p.TimeS).DefaultIfEmpty(1).Max()));
        var kgMax = Math.Max(1, Math.Ceiling(trace.Select(p => p.PayloadKg).DefaultIfEmpty(1).Max()));
        var errMax = Math.Max(0.05, trace.SelectMany(p => new[] { p.ErrorWithPhi, p.ErrorWithoutPhi }).Where(double.IsFinite).DefaultIfEmpty(0.1).Max() * 1.1);
        static long Ms(double s) => (long)Math.Round(1000 * s);
        static string Seconds(double ms) => (ms / 1000).ToString("0.#", CultureInfo.InvariantCulture);
        Panel(rgb, Top, panel, xMax, 0, kgMax, "PAYLOAD KG", v => v.ToString("F1", CultureInfo.InvariantCulture), trace.Select(p => (Ms(p.TimeS), p.PayloadKg)), Gray, Seconds);
        var bottom = Top + panel + Gap;
        Panel(rgb, bottom, panel, xMax, 0, errMax, "Z ERROR WITH PHI", v => v.ToString("F2", CultureInfo.InvariantCulture), trace.Select(p => (Ms(p.TimeS), p.ErrorWithoutPhi)), Red, Seconds);
        Panel(rgb, bottom, panel, xMax, 0, errMax, "Z ERROR WITH PHI", v => v.ToString("F2", CultureInfo.InvariantCulture), trace.Select(p => (Ms(p.TimeS), p.ErrorWithPhi)), Blue, Seconds);
        Text(rgb, Left + 300, bottom - 14, "WITHOUT", Red);
        Text(rgb, 4, bottom + panel + 8, "TIME S", Black);
        File.WriteAllBytes(path, ImageCodec.Encode(Image.FromRgb(Width, Height, rgb), ".png"));
    }

    private static int X(double frame, long xMax) => Left + (int)Math.Round((Width - Right - Left) * frame / xMax);

    /// <summary>CPU minutes at <paramref name="frame"/>, interpolated between evaluations; null outside them.</summary>
    internal static double? CpuMinutesAt(IReadOnlyList<EvalResult> evals, double frame)
    {
        var timed = evals.Where(e => double.IsFinite(e.CpuSeconds)).ToList();
        for (var i = 0; i < timed.Count; i++)
        {
            if (timed[i].Frame == frame)
            {
                return timed[i].CpuSeconds / 60;
            }

            if (i > 0 && timed[i - 1].Frame < frame && frame < timed[i].Frame)
            {
                var t = (frame - timed[i - 1].Frame) / (timed[i].Frame - timed[i - 1].Frame);
                return (timed[i - 1].CpuSeconds + (t * (timed[i].CpuSeconds - timed[i - 1].CpuSeconds))) / 60;
            }
        }

        return null;
    }

    private static void Panel(byte[] rgb, int top, int height, long xMax, double yMin, double yMax, string title, Func<double, string> label,
        IEnumerable<(long Frame, double Value)> points, (byte, byte, byte) color, Func<double, string>? xLabel = null)
    {
        var right = Width - Right;
        int Y(double v) => top + height - (int)Math.Round(height * (v - yMin) / (yMax - yMin));
        for (var i = 0; i <= 4; i++)
        {
            var v = yMin + ((yMax - yMin) * i / 4);
            Line(rgb, Left, Y(v), right, Y(v), Grid);
            var text = label(v);
            Text(rgb, Left - 8 - (text.Length * 4 * Scale), Y(v) - 5, text, Black);
            var frame = xMax * i / 4.0;
            Line(rgb, X(frame, xMax), top + height, X(frame, xMax), top + height + 4, Black);
            var ft = xLabel is not null ? xLabel(frame) : frame >= 1e6 ? (frame / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M" : (frame / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "K";
            Text(rgb, X(frame, xMax) - (ft.Length * 2 * Scale), top + height + 8, ft, Black);
        }

        Line(rgb, Left, top, Left, top + height, Black);
        Line(rgb, Left, top + height, right, top + height, Black);
        Text(rgb, Left, top - 14, title, color);
        (int X, int Y)? previous = null;
        foreach (var (frame, value) in points)
        {
            if (!double.IsFinite(value))
            {
                continue;
            }

            var p = (X(frame, xMax), Y(value));
            if (previous is { } q)
            {
                Line(rgb, q.X, q.Y, p.Item1, p.Item2, color);
                Line(rgb, q.X, q.Y + 1, p.Item1, p.Item2 + 1, color);
            }

            Dot(rgb, p.Item1, p.Item2, color);
            previous = p;
        }
    }

    private static void Set(byte[] rgb, int x, int y, (byte R, byte G, byte B) c)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
        {
            return;
        }

        var i = ((y * Width) + x) * 3;
        rgb[i] = c.R;
        rgb[i + 1] = c.G;
        rgb[i + 2] = c.B;
    }

    private static void Dot(byte[] rgb, int x, int y, (byte, byte, byte) c)
    {
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
            {
                Set(rgb, x + dx, y + dy, c);
            }
        }
    }

    /// <summary>Bresenham.</summary>
    private static void Line(byte[] rgb, int x0, int y0, int x1, int y1, (byte, byte, byte) c)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, err = dx + dy;
        while (true)
        {
            Set(rgb, x0, y0, c);
            if (x0 == x1 && y0 == y1)
            {
                return;
            }

            var e2 = 2 * err;
            if (e2 >= dy)
            {
                err += dy;
                x0 += sx;
            }

            if (e2 <= dx)
            {
                err += dx;
                y0 += sy;
            }
        }
    }

    private static void Text(byte[] rgb, int x, int y, string text, (byte, byte, byte) c)
    {
        foreach (var ch in text.ToUpperInvariant())
        {
            if (Font.TryGetValue(ch, out var rows))
            {
                for (var r = 0; r < 5; r++)
                {
                    for (var col = 0; col < 3; col++)
                    {
                        if (rows[(r * 3) + col] == '#')
                        {
                            for (var s = 0; s < Scale * Scale; s++)
                            {
                                Set(rgb, x + (col * Scale) + (s % Scale), y + (r * Scale) + (s / Scale), c);
                            }
                        }
                    }
                }
            }

            x += 4 * Scale;
        }
    }

    private static readonly Dictionary<char, string> Font = new()
    {
        ['0'] = "####.##.##.####", ['1'] = ".#.##..#..#.###", ['2'] = "###..#####..###", ['3'] = "###..####..####",
        ['4'] = "#.##.####..#..#", ['5'] = "####..###..####", ['6'] = "####..####.####", ['7'] = "###..#..#..#..#",
        ['8'] = "####.#####.####", ['9'] = "####.####..####", ['.'] = "............#..", ['-'] = "......###......",
        ['%'] = "#.#..#.#..#.#.#", ['K'] = "#.##.###.#.##.#", ['M'] = "#.########.##.#", ['S'] = "####..###..####",
        ['U'] = "#.##.##.##.####", ['C'] = "####..#..#..###", ['E'] = "####..####..###", ['R'] = "####.###.#.##.#",
        ['T'] = "###.#..#..#..#.", ['N'] = "####.##.##.##.#", ['F'] = "####..####..#..", ['A'] = "####.#####.##.#",
        ['P'] = "####.#####..#..", ['I'] = "###.#..#..#.###", [' '] = "...............",
        ['L'] = "#..#..#..#..###", ['O'] = "####.##.##.####", ['Y'] = "#.##.#.#..#..#.", ['D'] = "##.#.##.##.###.",
        ['H'] = "#.##.#####.##.#", ['W'] = "#.##.##.#####.#", ['Z'] = "###..#.#.#..###", ['G'] = "####..#.##.####",
    };
}
