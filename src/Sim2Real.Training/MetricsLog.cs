using System.Globalization;

namespace Sim2Real.Training;

/// <summary>
/// An append-only CSV whose first column is the frame. On resume, rows past the checkpoint's frame (written by the
/// interrupted run after its last checkpoint) are dropped, so the file reads as one uninterrupted run.
/// </summary>
internal sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter _writer;

    public MetricsLog(string path, string header, long? resumeFrame)
    {
        Path = path;
        var lines = resumeFrame is { } frame && File.Exists(path)
            ? File.ReadAllLines(path).Skip(1).Where(l => long.Parse(l.AsSpan(0, l.IndexOf(',', StringComparison.Ordinal)), CultureInfo.InvariantCulture) <= frame).ToList()
            : [];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        _writer = new StreamWriter(path, append: false);
        _writer.WriteLine(header);
        foreach (var line in lines)
        {
            _writer.WriteLine(line);
        }

        _writer.Flush();
        Rows = lines;
    }

    public string Path { get; }

    /// <summary>Rows kept from before a resume (without header).</summary>
    public IReadOnlyList<string> Rows { get; }

    public void Append(params object[] values)
    {
        _writer.WriteLine(string.Join(",", values.Select(v => v switch
        {
            double d => d.ToString("G6", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        })));
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
