namespace Sim2Real.Vision.Capture;

public enum CaptureSourceKind
{
    Device,
    NetworkStream,
    VideoFile,
    ImageFolder,
}
