using System.Globalization;

namespace Sim2Real.SimRobot.Benchmarks;

/// <param name="ReceivedFps">Frames the client received per second.</param>
/// <param name="StampedFps">Frames per second of their stamps (a frame's stamp is the state it shows).</param>
public sealed record CameraRateResult(int Width, int Height, double RequestedFps, double ReceivedFps, double StampedFps, int Frames)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"images {Width}x{Height} rgb8 at {RequestedFps:0} Hz: received {ReceivedFps:F1} frames/s ({StampedFps:F1} by stamps, {Frames} frames)");
}
