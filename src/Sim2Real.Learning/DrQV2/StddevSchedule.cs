using System.Globalization;
using System.Text.RegularExpressions;

namespace Sim2Real.Learning.DrQV2;

/// <summary>
/// The exploration noise as a function of the step, written as the reference writes it: a constant "0.2",
/// "linear(init,final,duration)", or "step_linear(init,final1,duration1,final2,duration2)".
/// </summary>
public sealed partial class StddevSchedule
{
    private readonly Func<double, double> _at;

    private StddevSchedule(string text, Func<double, double> at)
    {
        Text = text;
        _at = at;
    }

    public string Text { get; }

    public double At(long step) => _at(step);

    public static StddevSchedule Constant(double value) =>
        new(value.ToString(CultureInfo.InvariantCulture), _ => value);

    /// <exception cref="FormatException">The text is none of the three forms, or a stddev is negative or not finite, or a
    /// duration is not a positive number of steps.</exception>
    public static StddevSchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var constant))
        {
            Stddev(text, constant);
            return new StddevSchedule(text, _ => constant);
        }

        if (Numbers(LinearForm(), text) is [var init, var final, var duration])
        {
            Stddev(text, init);
            Stddev(text, final);
            Duration(text, duration);
            return new StddevSchedule(text, step => Mix(init, final, step / duration));
        }

        if (Numbers(StepLinearForm(), text) is [var i0, var f1, var d1, var f2, var d2])
        {
            Stddev(text, i0);
            Stddev(text, f1);
            Stddev(text, f2);
            Duration(text, d1);
            Duration(text, d2);
            return new StddevSchedule(text, step => step <= d1 ? Mix(i0, f1, step / d1) : Mix(f1, f2, (step - d1) / d2));
        }

        throw new FormatException(
            $"stddev schedule '{text}' is not a number, linear(init,final,duration) or step_linear(init,final1,duration1,final2,duration2)");
    }

    public override string ToString() => Text;

    // A negative stddev would be accepted by the Gaussian and silently flip the noise; NaN would poison every action.
    private static void Stddev(string text, double value)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"stddev schedule '{text}': a stddev must be a finite number at least 0, got {value}"));
        }
    }

    private static void Duration(string text, double steps)
    {
        if (!(steps > 0) || !double.IsFinite(steps))
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"stddev schedule '{text}': a duration must be a positive number of steps, got {steps}"));
        }
    }

    private static double Mix(double from, double to, double fraction)
    {
        var mix = Math.Clamp(fraction, 0.0, 1.0);
        return ((1.0 - mix) * from) + (mix * to);
    }

    private static double[]? Numbers(Regex form, string text)
    {
        var m = form.Match(text.Replace(" ", "", StringComparison.Ordinal));
        if (!m.Success)
        {
            return null;
        }

        var values = new double[m.Groups.Count - 1];
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.TryParse(m.Groups[i + 1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values;
    }

    [GeneratedRegex(@"^linear\(([^,]+),([^,]+),([^,]+)\)$")]
    private static partial Regex LinearForm();

    [GeneratedRegex(@"^step_linear\(([^,]+),([^,]+),([^,]+),([^,]+),([^,]+)\)$")]
    private static partial Regex StepLinearForm();
}
