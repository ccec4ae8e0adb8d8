using Sim2Real.Core.Imaging;
namespace Sim2Real.Vision.Capture;

/// <summary>
/// One frame and when it was grabbed, by the stream's clock (before decoding, so decode time is not hidden in it).
/// <see cref="Connection"/> counts (re)connections: it changes after a reconnect, where a frame stack must restart.
/// </summary>
public sealed record CapturedFrame(Image Image, DateTimeOffset CapturedAt, long Sequence, int Connection);
