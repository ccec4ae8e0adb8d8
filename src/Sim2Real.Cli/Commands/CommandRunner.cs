using System.CommandLine;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Cli.Commands;

/// <summary>
/// Runs a command line, and is the one place that turns what a verb throws into an exit code: an expected error
/// (<see cref="ExpectedErrors"/>) is one line naming the verb and what is wrong, exit 1; Ctrl+C ends quietly
/// with 130, as a shell expects; anything else is a bug: its stack trace, a line saying so, and exit 70.
/// </summary>
internal static class CommandRunner
{
    public const int Failed = 1;

    /// <summary>sysexits.h' EX_SOFTWARE: an internal software error.</summary>
    public const int Bug = 70;

    public const int Interrupted = 130;

    /// <summary>How long launch and deploy may take to stop after Ctrl+C or SIGTERM: longer than launch's 10 s grace for sim serve.</summary>
    public static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(30);

    /// <summary>Where a user reports what this program got wrong (README's "Reporting a bug" says what to include).</summary>
    public const string ReportTo = "the Sim2Real issue tracker (README.md, \"Reporting a bug\")";

    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null, params string[] excluding)
    {
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        var parse = CommandTable.Root(excluding).Parse(args);
        if (parse.CommandResult.Command.Name is "launch" or "deploy")
        {
            // On Ctrl+C or SIGTERM the parser gives a verb 2 s and then ends the process. A deployment needs longer
            // to stop well: the safe action out, the log closed, and launch's sim serve stopped rather than orphaned.
            configuration.ProcessTerminationTimeout = GracefulStop;
        }

        try
        {
            return parse.Invoke(configuration);
        }
        catch (Exception thrown)
        {
            return Report(ExpectedErrors.Unwrap(thrown), Verb(parse), configuration.Error);
        }
    }

    /// <summary>Prints what <paramref name="verb"/> threw and returns the exit code for it.</summary>
    public static int Report(Exception error, string verb, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(stderr);
        if (error is OperationCanceledException)
        {
            return Interrupted;
        }

        if (ExpectedErrors.IsExpected(error))
        {
            // libtorch appends its C++ backtrace to the message; its first line says what went wrong.
            var message = error is TorchException ? error.Message.Split('\n', 2)[0].TrimEnd() : error.Message;
            stderr.WriteLine($"{verb}: error: {message}");
            return Failed;
        }

        stderr.WriteLine(error.ToString());
        stderr.WriteLine($"{verb}: internal error: this is a bug in sim2real, not in your input. Please report it, with the command line and the trace above, to {ReportTo}.");
        return Bug;
    }

    /// <summary>"sim2real sim play": the verb as typed, for the first word of an error line.</summary>
    public static string Verb(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return string.Join(' ', ["sim2real", .. names]);
    }
}
