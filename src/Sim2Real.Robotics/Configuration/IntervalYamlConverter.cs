using System.Globalization;
using Sim2Real.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Sim2Real.Robotics.Configuration;

/// <summary>Reads an <see cref="Interval"/> written as a two-element flow sequence: <c>[min, max]</c>.</summary>
public sealed class IntervalYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(Interval) || type == typeof(Interval?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var start = parser.Current?.Start ?? Mark.Empty;
        if (!parser.TryConsume<SequenceStart>(out _))
        {
            throw new YamlException(start, start, "a range must be written as [min, max]");
        }

        var bounds = new List<double>(2);
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            var scalar = parser.Consume<Scalar>();
            if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new YamlException(scalar.Start, scalar.End, $"range bound '{scalar.Value}' is not a number");
            }

            bounds.Add(value);
        }

        if (bounds.Count != 2)
        {
            throw new YamlException(start, start, $"a range needs exactly two numbers [min, max], got {bounds.Count}");
        }

        return new Interval(bounds[0], bounds[1]);
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
    {
        var interval = (Interval)value!;
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Flow));
        emitter.Emit(new Scalar(interval.Min.ToString("R", CultureInfo.InvariantCulture)));
        emitter.Emit(new Scalar(interval.Max.ToString("R", CultureInfo.InvariantCulture)));
        emitter.Emit(new SequenceEnd());
    }
}
