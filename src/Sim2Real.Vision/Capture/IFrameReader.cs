using Sim2Real.Core.Imaging;
namespace Sim2Real.Vision.Capture;

/// <summary>An open source. Grab is separate from Retrieve so the timestamp is taken before decoding.</summary>
internal interface IFrameReader : IDisposable
{
    /// <summary>True when a frame was grabbed; false at end of file or when a stream stops delivering.</summary>
    /// <exception cref="CaptureUnavailableException">The read failed.</exception>
    bool Grab();

    /// <summary>Decodes the grabbed frame.</summary>
    Image Retrieve();
}
