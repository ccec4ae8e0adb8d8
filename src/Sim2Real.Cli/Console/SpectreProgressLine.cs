using Spectre.Console;

namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>Progress on a terminal: one Spectre task (bar, percentage, time left) whose description is the status.</summary>
internal sealed class SpectreProgressLine(ProgressTask task, IAnsiConsole console, string title) : IProgressLine
{
    public TextWriter Log { get; } = new ConsoleLineWriter(console);

    public void Update(double? fraction, string status, string line)
    {
        if (fraction is { } f)
        {
            task.IsIndeterminate = false;
            task.Value = Math.Clamp(f, 0, 1) * task.MaxValue;
        }

        task.Description = $"[bold]{Markup.Escape(title)}[/] {Markup.Escape(status)}";
    }
}
