using System.Text;
using Spectre.Console;

namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>
/// A writer for code that logs to a <see cref="TextWriter"/> while a Spectre display is live: each finished line goes
/// through the Spectre console, which prints it above the live bars instead of through them.
/// </summary>
internal sealed class ConsoleLineWriter(IAnsiConsole console) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                Emit();
            }
            else if (value != '\r')
            {
                _line.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            if (_line.Length > 0)
            {
                Emit();
            }
        }
    }

    private void Emit()
    {
        // Text, not markup: logged lines carry brackets ([0.500] notices, [1, 2] shapes).
        console.Write(new Text(_line.ToString()));
        console.WriteLine();
        _line.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}
