using System.Text;

namespace Sim2Real.Learning.Checkpoints;

/// <summary>A checkpoint's tensors differ from what the network expects; lists every difference.</summary>
public sealed class CheckpointMismatchException : Exception
{
    public CheckpointMismatchException(
        string source,
        IReadOnlyList<TensorSpec> missing,
        IReadOnlyList<TensorSpec> extra,
        IReadOnlyList<(TensorSpec Expected, TensorSpec Actual)> mismatched)
        : base(Describe(source, missing, extra, mismatched))
    {
        Source = source;
        Missing = missing;
        Extra = extra;
        Mismatched = mismatched;
    }

    public new string Source { get; }

    public IReadOnlyList<TensorSpec> Missing { get; }

    public IReadOnlyList<TensorSpec> Extra { get; }

    public IReadOnlyList<(TensorSpec Expected, TensorSpec Actual)> Mismatched { get; }

    private static string Describe(
        string source,
        IReadOnlyList<TensorSpec> missing,
        IReadOnlyList<TensorSpec> extra,
        IReadOnlyList<(TensorSpec Expected, TensorSpec Actual)> mismatched)
    {
        var text = new StringBuilder();
        text.Append(source).Append(": checkpoint does not match the network (")
            .Append(missing.Count).Append(" missing, ")
            .Append(extra.Count).Append(" unexpected, ")
            .Append(mismatched.Count).Append(" wrongly shaped)");
        foreach (var spec in missing)
        {
            text.Append("\n  missing:       ").Append(spec);
        }

        foreach (var spec in extra)
        {
            text.Append("\n  unexpected:    ").Append(spec);
        }

        foreach (var (expected, actual) in mismatched)
        {
            text.Append("\n  wrong shape:   ").Append(expected.Name)
                .Append(": expected ").Append(expected.Dtype.HeaderName()).Append(' ').Append(SafeTensor.FormatShape(expected.Shape))
                .Append(", found ").Append(actual.Dtype.HeaderName()).Append(' ').Append(SafeTensor.FormatShape(actual.Shape));
        }

        return text.ToString();
    }
}
