using Sim2Real.Core;

namespace Sim2Real.Cli.Commands;

/// <summary>
/// A library's options name their fields (episodes, action_repeat); on the command line a user typed flags, so an
/// error from checking those options comes back naming the flag that set the field.
/// </summary>
internal static class OptionFlags
{
    /// <summary>Runs <paramref name="check"/>; an error about a field of <paramref name="origin"/> that a flag sets names the flag.</summary>
    /// <exception cref="InvalidConfigException">Origin "command line" and the flag, or the error as it was for fields no flag sets.</exception>
    public static void Check(Action check, string origin, IReadOnlyDictionary<string, string> flags)
    {
        ArgumentNullException.ThrowIfNull(check);
        Check(() =>
        {
            check();
            return 0;
        }, origin, flags);
    }

    /// <summary>What <paramref name="check"/> returns; its errors as <see cref="Check(Action, string, IReadOnlyDictionary{string, string})"/> words them.</summary>
    public static T Check<T>(Func<T> check, string origin, IReadOnlyDictionary<string, string> flags)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(flags);
        try
        {
            return check();
        }
        catch (InvalidConfigException e) when (e.Origin == origin && flags.ContainsKey(e.Field))
        {
            throw new InvalidConfigException("command line", flags[e.Field], e.Problem, e);
        }
    }
}
