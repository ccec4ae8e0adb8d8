using System.Text;
using Spectre.Console;

namespace Sim2Real.Cli.ConsoleDisplay;

/// <summary>
/// A writer for code that draws its own status line the terminal way (a carriage return, an erase-line escape,
/// then the new status, no newline: the deploy runtime does): it keeps that terminal's line discipline but renders
/// with Spectre. Each finished line prints above the live region; the unfinished line is the live status next to
/// the spinner. So child-process echoes, notices and the runtime's status share one terminal without tearing.
/// </summary>
/// <param name="showStatus">Shows the unfinished line as the live status (the spinner's text).</param>
internal sealed class LiveStatusWriter(IAnsiConsole console, Action<string> showStatus) : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly Lock _gate = new();
    private bool _escape;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            Take(value);
            Show();
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            foreach (var c in value ?? "")
            {
                Take(c);
            }

            Show();
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            foreach (var c in value ?? "")
            {
                Take(c);
            }

            Take('\n');
            Show();
        }
    }

    private void Take(char c)
    {
        // CSI sequences (ESC [ ... final byte): the erase-line the runtime sends, or colours; Spectre draws its own.
        if (_escape)
        {
            _escape = !(c is >= '@' and <= '~' and not '[');
            return;
        }

        switch (c)
        {
            case '\u001b':
                _escape = true;
                break;
            case '\r':
                _line.Clear();
                break;
            case '\n':
                console.Write(new Text(_line.ToString()));
                console.WriteLine();
                _line.Clear();
                break;
            default:
                _line.Append(c);
                break;
        }
    }

    private void Show()
    {
        if (_line.Length > 0)
        {
            showStatus(_line.ToString());
        }
    }
}
