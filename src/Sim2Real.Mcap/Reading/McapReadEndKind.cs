namespace Sim2Real.Mcap.Reading;

/// <summary>How a linear read ended.</summary>
public enum McapReadEndKind
{
    /// <summary>The Footer and the closing magic were read: the file is whole.</summary>
    Complete,

    /// <summary>The file ends at a record boundary without a Footer: the writer stopped before closing it.</summary>
    Unclosed,

    /// <summary>The file ends inside a record (or the closing magic): the writer died mid-write.</summary>
    Truncated,

    /// <summary>A record that cannot be a record (opcode 0x00, an impossible length) stopped a recovering read.</summary>
    Corrupt,
}
