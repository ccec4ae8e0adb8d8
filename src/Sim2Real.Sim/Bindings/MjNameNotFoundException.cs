namespace Sim2Real.Sim.Bindings;

/// <summary>A body, joint, actuator, sensor, geom, camera or site name does not exist in a model.</summary>
public sealed class MjNameNotFoundException : KeyNotFoundException
{
    public MjNameNotFoundException(string model, MjtObj kind, string name, IReadOnlyList<string> known)
        : base($"{model}: no {MjObjects.Describe(kind)} named '{name}' (known: {(known.Count == 0 ? "none" : string.Join(", ", known.Take(20)) + (known.Count > 20 ? ", ..." : ""))})")
    {
        Model = model;
        Kind = kind;
        Name = name;
    }

    /// <summary>Where the model came from (file or string name).</summary>
    public string Model { get; }

    public MjtObj Kind { get; }

    public string Name { get; }
}
