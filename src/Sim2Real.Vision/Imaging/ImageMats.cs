using OpenCvSharp;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision;

/// <summary>
/// The bridge between the project's <see cref="Image"/> and OpenCvSharp's <see cref="Mat"/>, for code that adds a
/// step or a detector with ordinary OpenCvSharp calls:
/// <code>
/// using var mat = ImageMats.Wrap(image);            // no copy; the image is pinned until Dispose
/// Cv2.GaussianBlur(mat, mat, new Size(5, 5), 0);    // writes go straight into image.Pixels
/// </code>
/// </summary>
public static class ImageMats
{
    /// <summary>A Mat over the image's pixels (8-bit, 1, 3 or 4 channels). Dispose it to unpin the image.</summary>
    public static Mat Wrap(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return TrackedMat.Over(image.Pixels, image.Height, image.Width, TypeOf(image), image.Stride);
    }

    public static MatType TypeOf(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return MatType.CV_8UC(image.Channels);
    }

    /// <summary>Copies an 8-bit Mat into a new image; 3-channel Mats are taken to be in <paramref name="colourFormat"/>.</summary>
    /// <exception cref="OpenCvException">The Mat is empty or not 8-bit with 1, 3 or 4 channels.</exception>
    public static unsafe Image ToImage(Mat mat, PixelFormat colourFormat = PixelFormat.Bgr)
    {
        ArgumentNullException.ThrowIfNull(mat);
        if (mat.Empty())
        {
            throw new OpenCvException("the matrix is empty");
        }

        var type = mat.Type();
        var format = type == MatType.CV_8UC1 ? PixelFormat.Gray
            : type == MatType.CV_8UC3 ? colourFormat
            : type == MatType.CV_8UC4 ? PixelFormat.Bgra
            : throw new OpenCvException($"unsupported matrix type {type}: expected 8-bit with 1, 3 or 4 channels");
        var image = new Image(mat.Cols, mat.Rows, format, GC.AllocateUninitializedArray<byte>(mat.Rows * mat.Cols * format.Channels()));
        CopyPixels(mat, image.Pixels);
        return image;
    }

    /// <summary>Copies the rows of an 8-bit Mat into a tightly packed buffer of exactly its size.</summary>
    internal static unsafe void CopyPixels(Mat mat, Span<byte> destination)
    {
        var rows = mat.Rows;
        var row = mat.Cols * mat.ElemSize();
        if (destination.Length != row * rows)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, the matrix needs {row * rows}", nameof(destination));
        }

        if (mat.IsContinuous())
        {
            new ReadOnlySpan<byte>(mat.DataPointer, destination.Length).CopyTo(destination);
            return;
        }

        var step = mat.Step();
        var data = mat.DataPointer;
        for (var y = 0; y < rows; y++)
        {
            new ReadOnlySpan<byte>(data + (y * step), row).CopyTo(destination.Slice(y * row, row));
        }
    }
}
