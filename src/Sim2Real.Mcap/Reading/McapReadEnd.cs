namespace Sim2Real.Mcap.Reading;

/// <summary>
/// Where and why a linear read stopped: <see cref="Offset"/> is the first byte not read as a whole record,
/// <see cref="BytesLeft"/> how many bytes from there to the end of the file were not used.
/// </summary>
public sealed record McapReadEnd(McapReadEndKind Kind, long Offset, string Record, string Problem, long BytesLeft)
{
    public override string ToString() => Kind == McapReadEndKind.Complete
        ? "complete"
        : $"{Kind.ToString().ToLowerInvariant()} at offset {Offset} ({Record}): {Problem}";
}
