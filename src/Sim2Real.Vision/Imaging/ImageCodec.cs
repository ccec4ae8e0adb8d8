using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Interop;

namespace Sim2Real.Vision;

/// <summary>Image files and bytes through OpenCV's codecs (imread, imdecode, imencode, imwrite).</summary>
public static class ImageCodec
{
    /// <summary>Decodes PNG/JPEG/... bytes. Colour images come back BGR, as OpenCV decodes them.</summary>
    /// <exception cref="OpenCvException">The bytes are not a decodable image.</exception>
    public static unsafe Image Decode(ReadOnlySpan<byte> encoded, bool grayscale = false)
    {
        using var mat = new MatHandle();
        fixed (byte* p = encoded)
        {
            CvNative.Check(CvNative.s2r_cv_imdecode(p, encoded.Length, grayscale ? CvType.ImreadGrayscale : CvType.ImreadColor, mat), "decode");
        }

        return mat.ToImage(PixelFormat.Bgr);
    }

    /// <summary>Reads an image file (BGR, or grey when asked).</summary>
    /// <exception cref="ImageFileException">Missing, unreadable or not an image; names the file.</exception>
    public static Image Read(string path, bool grayscale = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ImageFileException(path, "no such file");
        }

        using var mat = new MatHandle();
        if (CvNative.s2r_cv_imread(path, grayscale ? CvType.ImreadGrayscale : CvType.ImreadColor, mat) < 0)
        {
            throw new ImageFileException(path, "not a readable image (corrupt, truncated or an unsupported format)");
        }

        return mat.ToImage(PixelFormat.Bgr);
    }

    /// <summary>Encodes to the format named by <paramref name="extension"/> (".png", ".jpg").</summary>
    public static unsafe byte[] Encode(Image image, string extension, params int[] parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bgr = ImageOps.ToOpenCvOrder(image);
        using var mat = new MatHandle();
        fixed (byte* p = bgr.Pixels)
        fixed (int* q = parameters)
        {
            CvNative.Check(CvNative.s2r_cv_imencode(extension, bgr.View(p), q, parameters.Length, mat), $"encode {extension}");
        }

        return mat.ToBytes();
    }

    /// <summary>Writes an image file; the extension picks the format.</summary>
    public static unsafe void Write(string path, Image image, params int[] parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bgr = ImageOps.ToOpenCvOrder(image);
        fixed (byte* p = bgr.Pixels)
        fixed (int* q = parameters)
        {
            if (CvNative.s2r_cv_imwrite(path, bgr.View(p), q, parameters.Length) < 0)
            {
                throw new ImageFileException(path, CvNative.LastError);
            }
        }
    }
}
