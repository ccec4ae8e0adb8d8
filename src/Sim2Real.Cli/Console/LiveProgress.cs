using Spectre.Console;

namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>
/// Runs a long piece of work with a display that fits where the output goes: on a terminal, a Spectre progress bar
/// (or a spinner for work without a known end) with the work's log printed above it; anywhere else, the work's own
/// plain lines and nothing more, so what scripts, tests and CI read stays the same.
/// </summary>
internal static class LiveProgress
{
    /// <summary>Plain progress lines while <paramref name="work"/> runs come at most this often.</summary>
    public static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(30);

    /// <summary>Work with a known end, reporting its fraction done through the line it is given.</summary>
    public static T Run<T>(TextWriter output, string title, Func<IProgressLine, T> work, TimeSpan? plainEvery = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(work);
        if (!Terminal.IsInteractive(output))
        {
            return work(new PlainProgressLine(output, plainEvery ?? PlainEvery, TimeProvider.System));
        }

        var console = Terminal.Create(output);
        using var cursor = Terminal.ShowCursorOnExit(console);
        var line = new SpectreProgressLine(console);
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .UseRenderHook((bar, _) => line.Render(bar))
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                line.Attach(task);
                try
                {
                    return work(line);
                }
                finally
                {
                    line.Log.Flush();
                    task.StopTask();
                }
            });
    }

    /// <summary>Work without a known end (a benchmark part, a calibration): a spinner and its status on a terminal, nothing extra elsewhere.</summary>
    public static T Status<T>(TextWriter output, string status, Func<TextWriter, T> work)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(work);
        if (!Terminal.IsInteractive(output))
        {
            return work(output);
        }

        var console = Terminal.Create(output);
        using var cursor = Terminal.ShowCursorOnExit(console);
        return console.Status().Spinner(Spinner.Known.Dots).Start(Markup.Escape(status), _ =>
        {
            using var log = new ConsoleLineWriter(console);
            return work(log);
        });
    }

    /// <summary>
    /// Async work that writes its own status line (deploy, launch): on a terminal, a spinner whose text is the line the
    /// work is drawing, with its finished lines above (<see cref="LiveStatusWriter"/>); <paramref name="work"/> is told
    /// the display is live, so it may redraw often. Elsewhere it gets <paramref name="output"/> and is told it is not.
    /// Inside another live display (launch around deploy) it shares that display.
    /// </summary>
    public static Task<T> StatusAsync<T>(TextWriter output, string status, Func<TextWriter, bool, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(work);
        if (output is LiveStatusWriter)
        {
            return work(output, true);
        }

        if (!Terminal.IsInteractive(output))
        {
            return work(output, false);
        }

        return RunStatusAsync(Terminal.Create(output), status, work);
    }

    private static async Task<T> RunStatusAsync<T>(IAnsiConsole console, string status, Func<TextWriter, bool, Task<T>> work)
    {
        using var cursor = Terminal.ShowCursorOnExit(console);
        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(status), context => work(new LiveStatusWriter(console, text => context.Status(Markup.Escape(text))), true));
    }
}
