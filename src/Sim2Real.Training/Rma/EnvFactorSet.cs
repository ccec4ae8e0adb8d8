using System.Globalization;
using System.Text.Json;
using Sim2Real.Core;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Tasks;
using Sim2Real.Sim.Worlds;

namespace Sim2Real.Training.Rma;

/// <summary>
/// RMA's e_t for one task: a named selection of the environment's factors (<c>StepInfo.Factors</c>) and of the
/// task's own (the payload, a task metric), each normalised over its training range. For arm6 reach_payload
/// (9 values): payload_kg/hand, motor_strength_scale/&lt;joint&gt; x 6, kp_scale, kd_scale (docs/rma.md).
/// </summary>
public sealed class EnvFactorSet
{
    /// <summary>Names the task's payload takes in e_t; the value comes from the step's <c>payload_kg</c> metric.</summary>
    public const string PayloadName = "payload_kg/hand";

    public EnvFactorSet(IReadOnlyList<EnvFactor> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        Factors = factors;
    }

    public IReadOnlyList<EnvFactor> Factors { get; }

    public int Size => Factors.Count;

    /// <summary>
    /// e_t for an RMA run of <paramref name="env"/>, whose training ranges are <paramref name="worldName"/>'s. Only
    /// arm reach_payload has one so far: it is the task where the best action depends on e_t.
    /// </summary>
    /// <exception cref="InvalidConfigException">The task has no e_t selection.</exception>
    public static EnvFactorSet For(IEnvironment env, string task, string worldName, PayloadReachTaskOptions payload)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(payload);
        if (task != TaskCatalog.ReachPayload.Name)
        {
            throw new InvalidConfigException("train options", "rma",
                $"e_t is defined for the arm's {TaskCatalog.ReachPayload.Name} task (docs/rma.md); task '{task}' has none: train --rma --robot arm6 --task {TaskCatalog.ReachPayload.Name}");
        }

        var world = RobotWorlds.Resolve(env.Robot, worldName);
        var ranges = world.Ranges?.Physics
            ?? throw new InvalidConfigException(env.Robot.Source, $"worlds.{world.Name}", "an RMA run trains on a world that samples ranges (e.g. rma_training); this one samples nothing");
        var factors = new List<EnvFactor> { new(PayloadName, "kg", payload.PayloadKg.Min, payload.PayloadKg.Max) };
        factors.AddRange(env.Robot.Joints.Select(j => new EnvFactor($"motor_strength_scale/{j.Name}", "ratio", ranges.MotorStrengthScale.Min, ranges.MotorStrengthScale.Max)));
        factors.Add(new("kp_scale", "ratio", ranges.KpScale.Min, ranges.KpScale.Max));
        factors.Add(new("kd_scale", "ratio", ranges.KdScale.Min, ranges.KdScale.Max));
        return new EnvFactorSet(factors);
    }

    /// <summary>Normalised e_t of the step into <paramref name="destination"/>.</summary>
    /// <exception cref="InvalidOperationException">The environment does not report a factor of the set.</exception>
    public void Read(TimeStep step, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (destination.Length != Size)
        {
            throw new ArgumentException($"e_t has {Size} values; room for {destination.Length}", nameof(destination));
        }

        var names = step.Info.Factors.Names();
        var values = step.Info.Factors.ToVector();
        for (var i = 0; i < Size; i++)
        {
            var factor = Factors[i];
            double value;
            if (factor.Name == PayloadName)
            {
                value = step.Info.Metrics.TryGetValue("payload_kg", out var kg)
                    ? kg
                    : throw new InvalidOperationException($"e_t element {PayloadName}: the task reports no payload_kg metric");
            }
            else
            {
                var index = IndexOf(names, factor.Name);
                value = index >= 0 ? values[index] : throw new InvalidOperationException($"e_t element {factor.Name}: the environment has no such factor ({string.Join(", ", names)})");
            }

            destination[i] = factor.Normalize(value);
        }
    }

    public float[] Read(TimeStep step)
    {
        var e = new float[Size];
        Read(step, e);
        return e;
    }

    public string ToJson() => JsonSerializer.Serialize(Factors);

    /// <exception cref="InvalidConfigException">Not an e_t description; names <paramref name="source"/> and <paramref name="field"/>.</exception>
    public static EnvFactorSet FromJson(string json, string source, string field)
    {
        try
        {
            var factors = JsonSerializer.Deserialize<List<EnvFactor>>(json);
            if (factors is null || factors.Count == 0 || factors.Any(f => string.IsNullOrEmpty(f.Name)))
            {
                throw new InvalidConfigException(source, field, "holds no e_t elements");
            }

            return new EnvFactorSet(factors);
        }
        catch (JsonException e)
        {
            throw new InvalidConfigException(source, field, $"not an e_t description: {e.Message}");
        }
    }

    /// <summary>One line per element for logs and docs.</summary>
    public string Describe() => string.Join("; ", Factors.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} [{f.Unit}] {f.Min:0.###}..{f.Max:0.###}")));

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
