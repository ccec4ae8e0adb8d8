using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Learning.Tests.Checkpoints;

/// <summary>
/// The child side of the kill -9 test: writes a 16 MiB checkpoint whose bytes are all <c>fill</c>, announces
/// "halfway" on stdout once half of it is on disk, then waits for a line on stdin before finishing. The parent
/// kills it while it waits, or lets it finish.
/// </summary>
internal static class CrashingWriter
{
    public const int Elements = 4 << 20;

    public static int Run(string path, int fill)
    {
        var tensor = SafeTensor.FromBytes("weights", SafetensorsDtype.F32, [Elements], Filled(fill));
        SafetensorsWriter.Write(path, [tensor], new Dictionary<string, string> { ["fill"] = fill.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            stream => new PausingStream(stream, pauseAfter: Elements * 2L, () =>
            {
                Console.Out.WriteLine("halfway");
                Console.Out.Flush();
                Console.In.ReadLine();
            }));
        Console.Out.WriteLine("done");
        return 0;
    }

    public static byte[] Filled(int fill)
    {
        var bytes = new byte[Elements * 4L];
        Array.Fill(bytes, (byte)fill);
        return bytes;
    }
}
