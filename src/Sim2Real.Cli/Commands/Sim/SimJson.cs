using System.Text.Json;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary>One-line JSON with snake_case names, for scripts reading the last line of a verb's output.</summary>
internal static class SimJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };
}
