namespace Sim2Real.Learning.Checkpoints;

/// <summary>What a checkpoint must hold under one name: dtype and shape.</summary>
public sealed record TensorSpec(string Name, SafetensorsDtype Dtype, IReadOnlyList<long> Shape)
{
    public static TensorSpec Of(SafeTensor tensor) => new(tensor.Name, tensor.Dtype, tensor.Shape);

    public override string ToString() => $"{Name} {Dtype.HeaderName()} {SafeTensor.FormatShape(Shape)}";

    /// <summary>
    /// Fails with every missing, extra and wrongly shaped or typed tensor listed, so a user sees the whole
    /// mismatch between a checkpoint and the network at once.
    /// </summary>
    /// <exception cref="CheckpointMismatchException">The sets differ.</exception>
    public static void Verify(string source, IEnumerable<SafeTensor> actual, IEnumerable<TensorSpec> expected)
    {
        var present = actual.ToDictionary(t => t.Name, Of, StringComparer.Ordinal);
        var wanted = new Dictionary<string, TensorSpec>(StringComparer.Ordinal);
        foreach (var spec in expected)
        {
            if (!wanted.TryAdd(spec.Name, spec))
            {
                throw new ArgumentException($"expected tensor '{spec.Name}' is listed twice", nameof(expected));
            }
        }

        var missing = wanted.Values.Where(s => !present.ContainsKey(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var extra = present.Values.Where(s => !wanted.ContainsKey(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var mismatched = wanted.Values
            .Where(s => present.TryGetValue(s.Name, out var p) && (p.Dtype != s.Dtype || !p.Shape.SequenceEqual(s.Shape)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (Expected: s, Actual: present[s.Name]))
            .ToList();
        if (missing.Count + extra.Count + mismatched.Count > 0)
        {
            throw new CheckpointMismatchException(source, missing, extra, mismatched);
        }
    }
}
