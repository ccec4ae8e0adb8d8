namespace Sim2Real.Mcap.Format;

/// <summary>Record names as error messages print them: <c>Chunk (0x06)</c>.</summary>
public static class McapOpcodeNames
{
    public static string Of(byte opcode) => Enum.IsDefined((McapOpcode)opcode)
        ? $"{(McapOpcode)opcode} (0x{opcode:X2})"
        : $"record 0x{opcode:X2}";

    public static string Of(McapOpcode opcode) => Of((byte)opcode);
}
