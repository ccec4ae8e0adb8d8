namespace Sim2Real.Mcap.Format;

/// <summary>The 8 bytes that open and close every MCAP file: 0x89 M C A P, the major version '0', \r \n.</summary>
internal static class McapMagic
{
    public const int Length = 8;

    public static ReadOnlySpan<byte> Bytes => [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', (byte)'0', (byte)'\r', (byte)'\n'];
}
