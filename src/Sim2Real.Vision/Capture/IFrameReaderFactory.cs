namespace Sim2Real.Vision.Capture;

internal interface IFrameReaderFactory
{
    /// <exception cref="CaptureUnavailableException">The source cannot be opened now.</exception>
    IFrameReader Open(CaptureSource source, CameraStreamOptions options);
}
