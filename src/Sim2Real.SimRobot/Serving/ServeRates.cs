using System.Globalization;
using Sim2Real.Core;

namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// Publication rates as whole numbers of physics steps: /joint_states and /tf publish every k-th step, so their rate
/// must divide the physics rate (500 Hz for 2 ms steps). Cameras run on their own time grid.
/// </summary>
internal static class ServeRates
{
    /// <exception cref="InvalidConfigException">0, above the physics rate, or not a divisor of it; names the flag.</exception>
    public static int StepsPer(string flag, double hz, double timestepS)
    {
        var physicsHz = 1 / timestepS;
        if (!double.IsFinite(hz) || hz <= 0)
        {
            throw new InvalidConfigException(SimServeOptions.Source, flag, $"must be a positive rate in Hz, got {Format(hz)}");
        }

        if (hz > physicsHz + 1e-9)
        {
            throw new InvalidConfigException(SimServeOptions.Source, flag, $"{Format(hz)} Hz is beyond what the physics step allows: {Format(physicsHz)} Hz ({Format(timestepS * 1000)} ms steps)");
        }

        var steps = physicsHz / hz;
        if (Math.Abs(steps - Math.Round(steps)) > 1e-6)
        {
            var divisors = Enumerable.Range(1, (int)Math.Round(physicsHz)).Where(k => Math.Abs((physicsHz / k) - Math.Round(physicsHz / k)) < 1e-6)
                .Select(k => Format(physicsHz / k)).Reverse();
            throw new InvalidConfigException(SimServeOptions.Source, flag,
                $"{Format(hz)} Hz does not divide the physics rate of {Format(physicsHz)} Hz ({Format(timestepS * 1000)} ms steps); rates that do: {string.Join(", ", divisors)} Hz");
        }

        return (int)Math.Round(steps);
    }

    /// <exception cref="InvalidConfigException">0 or above the physics rate.</exception>
    public static double FramePeriodS(string flag, double hz, double timestepS)
    {
        if (!double.IsFinite(hz) || hz <= 0 || hz > (1 / timestepS) + 1e-9)
        {
            throw new InvalidConfigException(SimServeOptions.Source, flag, $"must be in (0, {Format(1 / timestepS)}] Hz, the physics rate; got {Format(hz)}");
        }

        return 1 / hz;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
