namespace Sim2Real.Vision.Capture;

/// <summary>Opens real sources: OpenCV for devices and files, an ffmpeg process for network streams, the folder reader for image folders.</summary>
internal sealed class FrameReaderFactory : IFrameReaderFactory
{
    public static readonly FrameReaderFactory Instance = new();

    public IFrameReader Open(CaptureSource source, CameraStreamOptions options) => source.Backend switch
    {
        CaptureBackend.ImageFolder => new ImageFolderReader(source.Location),
        CaptureBackend.FfmpegProcess => FfmpegProcessReader.Open(source, options),
        _ => OpenCvFrameReader.Open(source, options),
    };
}
