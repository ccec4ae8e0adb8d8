namespace Sim2Real.Vision.Capture;

/// <summary>Opens real sources: OpenCV for devices, files and streams; the folder reader for image folders.</summary>
internal sealed class FrameReaderFactory : IFrameReaderFactory
{
    public static readonly FrameReaderFactory Instance = new();

    public IFrameReader Open(CaptureSource source, CameraStreamOptions options) =>
        source.Backend == CaptureBackend.ImageFolder
            ? new ImageFolderReader(source.Location)
            : OpenCvFrameReader.Open(source, options);
}
