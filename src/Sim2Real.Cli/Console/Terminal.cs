using Spectre.Console;

// The folder is Console/; the namespace is not Sim2Real.Cli.Console, which would hide System.Console from every verb.
namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>
/// Whether a verb's output is a person's terminal (live bars, a status line redrawn in place) or a pipe, a file or a
/// CI log (plain lines only, the same text scripts and tests read).
/// </summary>
internal static class Terminal
{
    /// <summary>
    /// True when <paramref name="output"/> is this process's standard output, that output is a terminal (not
    /// redirected) and the terminal understands ANSI cursor movement, as Spectre's profile detects it.
    /// </summary>
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Create(output).Profile.Capabilities is { Ansi: true, Interactive: true };

    /// <summary>A Spectre console writing to <paramref name="output"/>, with its terminal capabilities detected.</summary>
    public static IAnsiConsole Create(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
        Out = new AnsiConsoleOutput(output),
    });

    /// <summary>
    /// While a live display runs it hides the cursor; a process ended under it (Ctrl+C on a synchronous verb ends the
    /// process after System.CommandLine's grace period) would leave the shell without one. Dispose when the display ends.
    /// </summary>
    public static IDisposable ShowCursorOnExit(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        EventHandler show = (_, _) => console.Cursor.Show();
        AppDomain.CurrentDomain.ProcessExit += show;
        return new Unregister(() => AppDomain.CurrentDomain.ProcessExit -= show);
    }

    private sealed class Unregister(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
