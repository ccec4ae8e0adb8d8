using System.Globalization;

namespace Sim2Real.Training;

/// <summary>Mean return and success rate over evaluation episodes on held-out seeds, and the run's CPU time spent by then.</summary>
public readonly record struct EvalResult(long Frame, double MeanReturn, double SuccessRate, int Episodes, double CpuSeconds = double.NaN)
{
    public const string CsvFileName = "eval.csv";

    public const string CsvHeader = "frame,step,mean_return,success_rate,episodes,cpu_s,wall_s";

    /// <summary>Reads the evaluations of a run's eval.csv (<see cref="CsvHeader"/>).</summary>
    /// <exception cref="InvalidDataException">A row is malformed; names the file and line.</exception>
    public static List<EvalResult> ReadCsv(string path) => ParseRows(File.ReadAllLines(path).Skip(1), path, firstLine: 2);

    internal static List<EvalResult> ParseRows(IEnumerable<string> rows, string source, int firstLine)
    {
        var results = new List<EvalResult>();
        var line = firstLine;
        foreach (var row in rows)
        {
            var f = row.Split(',');
            try
            {
                results.Add(new EvalResult(long.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture),
                    double.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture)));
            }
            catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
            {
                throw new InvalidDataException($"{source}:{line}: not an evaluation row ({CsvHeader}): '{row}'", e);
            }

            line++;
        }

        return results;
    }
}
