using Sim2Real.Cli.ConsoleDisplay;
using Spectre.Console;

namespace Sim2Real.Cli.Tests.ConsoleDisplay;

/// <summary>The writers that carry a verb's lines through a live Spectre display (here a plain, non-ANSI console, so what it prints can be read).</summary>
public sealed class LiveStatusWriterTests
{
    private static IAnsiConsole Console(StringWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(output),
    });

    [Fact]
    public void Finished_lines_print_and_a_status_redrawn_in_place_stays_live_until_it_ends_with_a_newline()
    {
        var output = new StringWriter();
        var console = Console(output);
        var shown = new List<string>();
        using (var writer = new LiveStatusWriter(console, shown.Add))
        {
            writer.WriteLine("deploy arm6: control every 0.02 s");
            writer.Write("\r\u001b[Kt    1.00 s | 50.0 Hz | ok");
            writer.Write("\r\u001b[Kt    2.00 s | 50.0 Hz | ok");
            writer.WriteLine("\r\u001b[K[2.010] warn: joint_states late");
            writer.Write("\r\u001b[Kt    3.00 s | 49.0 Hz | ok");
            writer.WriteLine();
        }

        Assert.Equal(["t    1.00 s | 50.0 Hz | ok", "t    2.00 s | 50.0 Hz | ok", "t    3.00 s | 49.0 Hz | ok"], shown);
        Assert.Equal("deploy arm6: control every 0.02 s\n[2.010] warn: joint_states late\nt    3.00 s | 49.0 Hz | ok\n", output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Logged_lines_with_brackets_print_as_text_not_markup()
    {
        var output = new StringWriter();
        using (var writer = new ConsoleLineWriter(Console(output)))
        {
            writer.WriteLine("obs shape [1, 14] [bold]");
            writer.Write("unfinished");
        }

        Assert.Equal("obs shape [1, 14] [bold]\nunfinished\n", output.ToString().ReplaceLineEndings("\n"));
    }
}
