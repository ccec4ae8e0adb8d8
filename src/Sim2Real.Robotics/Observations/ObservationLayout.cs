using Sim2Real.Core;

namespace Sim2Real.Robotics.Observations;

/// <summary>
/// The state vector a policy acts on, declared as data: which fields, in which order, with scales, offsets and
/// clipping. Our tasks declare theirs in <see cref="ObservationLayouts"/>; a policy trained elsewhere brings its own
/// in a sidecar file. Fields are resolved against a robot's joint count when the layout is built.
/// </summary>
public sealed record ObservationLayout
{
    private ObservationLayout(IReadOnlyList<ObservationField> fields)
    {
        Fields = fields;
        var offsets = new int[fields.Count];
        var size = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            offsets[i] = size;
            size += fields[i].Size;
        }

        Offsets = offsets;
        Size = size;
    }

    public IReadOnlyList<ObservationField> Fields { get; }

    /// <summary>Start of each field in the state vector.</summary>
    public IReadOnlyList<int> Offsets { get; }

    /// <summary>Length of the state vector.</summary>
    public int Size { get; }

    /// <summary>Whether any field needs the simulator (task state): a deployment refuses such a layout.</summary>
    public bool SimulatorOnly => Fields.Any(f => f.Source == ObservationSource.TaskState);

    /// <exception cref="InvalidConfigException">A field is malformed, duplicated or does not fit the robot.</exception>
    public static ObservationLayout Create(IEnumerable<ObservationField> fields, int joints, string source = "observation layout")
    {
        ArgumentNullException.ThrowIfNull(fields);
        var list = fields.ToList();
        if (list.Count == 0)
        {
            throw new InvalidConfigException(source, "observation", "a layout needs at least one field");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var resolved = new List<ObservationField>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var where = $"observation[{i}]";
            if (string.IsNullOrWhiteSpace(list[i].Name) || !names.Add(list[i].Name))
            {
                throw new InvalidConfigException(source, $"{where}.name", $"field names must be unique and non-empty, got '{list[i].Name}'");
            }

            resolved.Add(list[i].Resolve(joints, source, where));
        }

        return new ObservationLayout(resolved);
    }

    /// <summary>The field of that name, with its start in the state vector.</summary>
    public (ObservationField Field, int Offset) Find(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == name)
            {
                return (Fields[i], Offsets[i]);
            }
        }

        throw new KeyNotFoundException($"no observation field '{name}'; fields: {string.Join(", ", Fields.Select(f => f.Name))}");
    }

    /// <summary>The values of one field inside a state vector.</summary>
    public ReadOnlySpan<float> Slice(ReadOnlySpan<float> state, string name)
    {
        var (field, offset) = Find(name);
        return state.Slice(offset, field.Size);
    }

    public override string ToString() =>
        string.Join(", ", Fields.Select(f => $"{f.Name}[{f.Size}]"));
}
