using Sim2Real.Sim.Randomization;

namespace Sim2Real.Sim.Worlds;

/// <summary>
/// A world resolved for one robot: the ranges sampled per episode (null: the nominal factors) and the fixed
/// perturbation applied after sampling. Made by <see cref="RobotWorlds.Resolve"/>.
/// </summary>
public sealed class World
{
    internal World(string name, string description, RandomizationConfig? ranges, WorldPerturbation perturbation)
    {
        Name = name;
        Description = description;
        Ranges = ranges;
        Perturbation = perturbation;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>Sampled once per episode; null keeps every factor nominal and the readings noise-free.</summary>
    public RandomizationConfig? Ranges { get; }

    public WorldPerturbation Perturbation { get; }

    /// <summary>Whether episodes sample factors (and observation noise) from <see cref="Ranges"/>.</summary>
    public bool Randomizes => Ranges is not null;

    public override string ToString() =>
        $"{Name} ({(Randomizes ? "sampled ranges" : "no sampling")}; perturbation: {Perturbation.Summary()})";
}
