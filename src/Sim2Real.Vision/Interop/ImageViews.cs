using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision.Interop;

/// <summary>Borrowed native views of managed images, for the duration of one pinned call.</summary>
internal static class ImageViews
{
    public static unsafe NativeImage View(this Image image, byte* pinned) =>
        new(pinned, image.Width, image.Height, image.Stride, CvType.U8(image.Channels));
}
