using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>
/// Progress on a terminal: one Spectre task (bar, percentage, time left) titled by the work, and the status on its
/// own line under the bar, where a long status wraps instead of pushing the bar off a narrow terminal.
/// </summary>
internal sealed class SpectreProgressLine(IAnsiConsole console) : IProgressLine
{
    private volatile string _status = "";
    private ProgressTask? _task;

    public TextWriter Log { get; } = new ConsoleLineWriter(console);

    /// <summary>The bar this line moves; set once the display has started.</summary>
    public void Attach(ProgressTask task) => _task = task;

    /// <summary>The bar with the status under it (Spectre's render hook calls this on every refresh).</summary>
    public IRenderable Render(IRenderable bar) => _status.Length == 0 ? bar : new Rows(bar, new Text(_status, new Style(Color.Grey)));

    public void Update(double? fraction, string status, string? line)
    {
        _status = status;
        if (_task is { } task && fraction is { } f)
        {
            task.IsIndeterminate = false;
            task.Value = Math.Clamp(f, 0, 1) * task.MaxValue;
        }
    }
}
