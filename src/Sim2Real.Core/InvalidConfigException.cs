namespace Sim2Real.Core;

/// <summary>
/// A configuration value is missing, malformed or out of range. The message always names where it came from
/// (file or topic) and the field, so a user can go straight to the line to fix.
/// </summary>
public sealed class InvalidConfigException : Exception
{
    public InvalidConfigException(string source, string field, string problem)
        : base($"{source}: {field}: {problem}")
    {
        Origin = source;
        Field = field;
        Problem = problem;
    }

    public InvalidConfigException(string source, string field, string problem, Exception inner)
        : base($"{source}: {field}: {problem}", inner)
    {
        Origin = source;
        Field = field;
        Problem = problem;
    }

    /// <summary>File, topic or other origin of the value.</summary>
    public string Origin { get; }

    /// <summary>Dotted path of the offending field, e.g. <c>randomization.mass_scale</c>.</summary>
    public string Field { get; }

    public string Problem { get; }
}
