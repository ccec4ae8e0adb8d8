using OpenCvSharp;

namespace Sim2Real.Vision;

/// <summary>Turns OpenCV's exceptions into <see cref="OpenCvException"/> that says what was being done.</summary>
internal static class OpenCvErrors
{
    public static OpenCvException Wrap(string context, OpenCVException e) =>
        new(string.IsNullOrEmpty(e.FuncName) ? $"{context}: {e.Message}" : $"{context}: {e.Message} (in {e.FuncName})", e);
}
