namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>
/// Progress for output that is not a terminal: the plain line, at most once per interval, so a CI log or a file gets
/// a steady trace and no escape codes.
/// </summary>
internal sealed class PlainProgressLine(TextWriter output, TimeSpan every, TimeProvider time) : IProgressLine
{
    private long? _last;

    public TextWriter Log => output;

    public void Update(double? fraction, string status, string? line)
    {
        if (line is null || (_last is { } last && time.GetElapsedTime(last) < every))
        {
            return;
        }

        _last = time.GetTimestamp();
        output.WriteLine(line);
    }
}
