using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.SimRobot.Faults;

/// <summary>
/// One fault to inject, from /sim/fault (sim2real_msgs/FaultCommand) or the command line (<c>--fault</c>).
/// <see cref="DurationS"/> 0 lasts until a CLEAR (or the end of the run).
/// </summary>
/// <param name="Magnitude">Latency s (command_latency), force N (push), noise standard deviation rad (sensor_noise).</param>
/// <param name="JitterS">Extra random latency up to this many seconds (command_latency).</param>
/// <param name="Direction">World-frame push direction (push); normalized when applied.</param>
/// <param name="AtS">When a command-line fault starts, in seconds of the robot's clock; null starts at once.</param>
public sealed record FaultSpec(FaultKind Kind, double DurationS = 0, double Magnitude = 0, double JitterS = 0, Vec3 Direction = default, double? AtS = null)
{
    /// <summary>A fault from its message.</summary>
    /// <exception cref="InvalidConfigException">An unknown kind or a value out of range; names the topic and field.</exception>
    public static FaultSpec FromMessage(FaultCommand message, string topic)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Enum.IsDefined((FaultKind)message.Kind))
        {
            throw new InvalidConfigException(topic, "kind", $"{message.Kind} is not a fault kind; kinds: {string.Join(", ", Enum.GetValues<FaultKind>().Select(k => $"{(byte)k} {FaultNames.Of(k)}"))}");
        }

        var spec = new FaultSpec((FaultKind)message.Kind, message.DurationS, message.Magnitude, message.JitterS,
            new Vec3(message.Direction.X, message.Direction.Y, message.Direction.Z));
        spec.Validate(topic, "");
        return spec;
    }

    /// <summary>
    /// A fault from the command line: <c>KIND[,at=S][,duration=S][,magnitude=X][,jitter=S][,direction=X:Y:Z]</c>,
    /// e.g. <c>push,at=2,duration=0.2,magnitude=20,direction=1:0:0</c>.
    /// </summary>
    /// <exception cref="InvalidConfigException">Names the flag and what does not parse.</exception>
    public static FaultSpec Parse(string text, string flag = "--fault")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (!FaultNames.TryParse(parts[0], out var kind) || kind == FaultKind.Clear)
        {
            throw new InvalidConfigException(SimServeOptions.Source, flag, $"'{text}': '{parts[0]}' is not a fault; faults: {string.Join(", ", FaultNames.Injectable.Select(FaultNames.Of))}");
        }

        var spec = new FaultSpec(kind, AtS: 0);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = eq < 0 ? (part, "") : (part[..eq], part[(eq + 1)..]);
            spec = key switch
            {
                "at" => spec with { AtS = Number(text, flag, key, value) },
                "duration" => spec with { DurationS = Number(text, flag, key, value) },
                "magnitude" => spec with { Magnitude = Number(text, flag, key, value) },
                "jitter" => spec with { JitterS = Number(text, flag, key, value) },
                "direction" => spec with { Direction = Vector(text, flag, value) },
                _ => throw new InvalidConfigException(SimServeOptions.Source, flag, $"'{text}': unknown key '{key}'; keys: at, duration, magnitude, jitter, direction"),
            };
        }

        spec.Validate(SimServeOptions.Source, flag);
        return spec;
    }

    /// <exception cref="InvalidConfigException">A value out of range, naming <paramref name="source"/> and <paramref name="field"/>.</exception>
    public void Validate(string source, string field)
    {
        var prefix = field.Length == 0 ? "" : field + " ";
        Check(source, prefix + "duration_s", DurationS, 0, 3600);
        Check(source, prefix + "jitter_s", JitterS, 0, 10);
        if (AtS is { } at)
        {
            Check(source, prefix + "at", at, 0, 1e6);
        }

        switch (Kind)
        {
            case FaultKind.CommandLatency:
                Check(source, prefix + "magnitude", Magnitude, 0, 10);
                break;
            case FaultKind.Push:
                Check(source, prefix + "magnitude", Magnitude, 0, 10_000);
                if (Magnitude > 0 && (!double.IsFinite(Direction.X + Direction.Y + Direction.Z) || Direction.Norm < 1e-9))
                {
                    throw new InvalidConfigException(source, prefix + "direction", "a push needs a direction (a non-zero vector)");
                }

                break;
            case FaultKind.SensorNoise:
                Check(source, prefix + "magnitude", Magnitude, 0, 1);
                break;
            default:
                Check(source, prefix + "magnitude", Magnitude, double.NegativeInfinity, double.PositiveInfinity);
                break;
        }
    }

    /// <summary>One line for logs and /diagnostics.</summary>
    public string Describe()
    {
        var name = FaultNames.Of(Kind);
        var length = DurationS > 0 ? string.Create(CultureInfo.InvariantCulture, $" for {DurationS:0.###} s") : " until cleared";
        return Kind switch
        {
            FaultKind.CommandLatency => string.Create(CultureInfo.InvariantCulture, $"{name} {Magnitude:0.####} s + up to {JitterS:0.####} s jitter{length}"),
            FaultKind.Push => string.Create(CultureInfo.InvariantCulture, $"{name} {Magnitude:0.##} N along ({Direction.X:0.###}, {Direction.Y:0.###}, {Direction.Z:0.###}){length}"),
            FaultKind.SensorNoise => string.Create(CultureInfo.InvariantCulture, $"{name} {Magnitude:0.#####} rad std{length}"),
            _ => name + length,
        };
    }

    private static void Check(string source, string field, double value, double lowest, double highest)
    {
        if (!double.IsFinite(value) || value < lowest || value > highest)
        {
            throw new InvalidConfigException(source, field, $"must be a finite number in [{lowest}, {highest}], got {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static double Number(string text, string flag, string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidConfigException(SimServeOptions.Source, flag, $"'{text}': {key}='{value}' is not a number");

    private static Vec3 Vector(string text, string flag, string value)
    {
        var xyz = value.Split(':');
        if (xyz.Length != 3)
        {
            throw new InvalidConfigException(SimServeOptions.Source, flag, $"'{text}': direction='{value}' must be x:y:z");
        }

        return new Vec3(Number(text, flag, "direction", xyz[0]), Number(text, flag, "direction", xyz[1]), Number(text, flag, "direction", xyz[2]));
    }
}
