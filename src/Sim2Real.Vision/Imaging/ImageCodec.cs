using OpenCvSharp;
using Sim2Real.Core.Imaging;

namespace Sim2Real.Vision;

/// <summary>Image files and bytes through OpenCV's codecs (imread, imdecode, imencode, imwrite).</summary>
public static class ImageCodec
{
    /// <summary>Decodes PNG/JPEG/... bytes. Colour images come back BGR, as OpenCV decodes them.</summary>
    /// <exception cref="OpenCvException">The bytes are not a decodable image.</exception>
    public static Image Decode(ReadOnlySpan<byte> encoded, bool grayscale = false)
    {
        if (encoded.IsEmpty)
        {
            throw new OpenCvException("decode: no bytes to decode");
        }

        try
        {
            using var mat = Cv2.ImDecode(encoded, Mode(grayscale));
            return mat.Empty()
                ? throw new OpenCvException("decode: the bytes are not an image format OpenCV can decode")
                : ImageMats.ToImage(mat);
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap("decode", e);
        }
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

        try
        {
            using var mat = Cv2.ImRead(path, Mode(grayscale));
            return mat.Empty()
                ? throw new ImageFileException(path, "not a readable image (corrupt, truncated or an unsupported format)")
                : ImageMats.ToImage(mat);
        }
        catch (OpenCVException e)
        {
            throw new ImageFileException(path, $"not a readable image: {e.Message}", e);
        }
    }

    /// <summary>Encodes to the format named by <paramref name="extension"/> (".png", ".jpg").</summary>
    public static byte[] Encode(Image image, string extension, params int[] parameters)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(extension);
        using var mat = ImageMats.Wrap(ImageOps.ToOpenCvOrder(image));
        try
        {
            return Cv2.ImEncode(extension, mat, out var bytes, parameters)
                ? bytes
                : throw new OpenCvException($"encode {extension}: the encoder refused the image");
        }
        catch (OpenCVException e)
        {
            throw OpenCvErrors.Wrap($"encode {extension}", e);
        }
    }

    /// <summary>Writes an image file; the extension picks the format.</summary>
    /// <exception cref="ImageFileException">The file cannot be written (no such folder, no encoder for the extension).</exception>
    public static void Write(string path, Image image, params int[] parameters)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(image);
        using var mat = ImageMats.Wrap(ImageOps.ToOpenCvOrder(image));
        try
        {
            if (!Cv2.ImWrite(path, mat, parameters))
            {
                throw new ImageFileException(path, "cannot write the image (does the folder exist?)");
            }
        }
        catch (OpenCVException e)
        {
            throw new ImageFileException(path, $"cannot write: {e.Message}", e);
        }
    }

    private static ImreadModes Mode(bool grayscale) => grayscale ? ImreadModes.Grayscale : ImreadModes.Color;
}
