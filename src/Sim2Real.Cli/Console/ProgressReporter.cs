namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>
/// A library's <see cref="IProgress{T}"/> onto a progress line, synchronously on the reporting thread (unlike
/// <see cref="Progress{T}"/>, which posts to the thread pool and could print after the work ended).
/// </summary>
internal sealed class ProgressReporter<T>(IProgressLine line, Func<T, (double? Fraction, string Status, string? Line)> describe) : IProgress<T>
{
    public void Report(T value)
    {
        var (fraction, status, text) = describe(value);
        line.Update(fraction, status, text);
    }
}
