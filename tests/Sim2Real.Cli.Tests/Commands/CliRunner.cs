using Sim2Real.Cli.Commands;

namespace Sim2Real.Cli.Tests.Commands;

/// <summary>Runs ./sim2real in-process as Program.cs does (the real command table and top-level handler), capturing what it prints.</summary>
internal static class CliRunner
{
    private static readonly Lock Gate = new();

    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                var code = CommandRunner.Run(args, stdout, stderr);
                return (code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}
