namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>Where one long piece of work reports: lines that stay, and a progress state that is redrawn or sampled.</summary>
internal interface IProgressLine
{
    /// <summary>Lines that stay in the output (evaluations, results); on a terminal they print above the bar.</summary>
    TextWriter Log { get; }

    /// <param name="fraction">Share of the work done, 0 to 1; null when the work has no known end.</param>
    /// <param name="status">What the work is doing now, for the live display.</param>
    /// <param name="line">The same as one self-contained plain line, for output that is not a terminal; null when the work's log already traces it there.</param>
    void Update(double? fraction, string status, string? line);
}
