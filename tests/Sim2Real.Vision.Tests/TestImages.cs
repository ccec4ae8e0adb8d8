using Sim2Real.Core.Imaging;
using Sim2Real.Vision.Video;
namespace Sim2Real.Vision.Tests;

/// <summary>Deterministic synthetic images, so tests do not depend on files beyond OpenCV's samples.</summary>
internal static class TestImages
{
    /// <summary>A smooth colour pattern with a moving feature; frame <paramref name="t"/> differs from its neighbours.</summary>
    public static Image Pattern(int width, int height, PixelFormat format, int t = 0)
    {
        var image = Image.Blank(width, height, format);
        var px = image.Pixels;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var r = (byte)((x * 255 / width) ^ t);
                var g = (byte)((y * 255 / height) + (3 * t));
                var b = (byte)(((x / 16) + (y / 16) + t) % 2 == 0 ? 40 : 220);
                var i = ((y * width) + x) * 3;
                (px[i], px[i + 1], px[i + 2]) = format == PixelFormat.Rgb ? (r, g, b) : (b, g, r);
            }
        }

        return image;
    }

    /// <summary>Writes an mp4v clip of <see cref="Pattern"/> frames, frame t drawn at phase(t) (default t); returns its path.</summary>
    public static string Clip(string path, int width, int height, int frames, PixelFormat format, double framesPerSecond = 10, Func<int, int>? phase = null)
    {
        using var writer = VideoFileWriter.Create(path, width, height, framesPerSecond);
        for (var t = 0; t < frames; t++)
        {
            writer.Write(Pattern(width, height, format, phase?.Invoke(t) ?? t));
        }

        writer.Complete();
        return path;
    }

    /// <summary>A white chessboard image with black squares: <paramref name="squaresX"/> x <paramref name="squaresY"/> squares of <paramref name="squarePx"/>, plus a white margin.</summary>
    public static Image Chessboard(int squaresX, int squaresY, int squarePx, int marginPx)
    {
        var w = (squaresX * squarePx) + (2 * marginPx);
        var h = (squaresY * squarePx) + (2 * marginPx);
        var image = Image.Blank(w, h, PixelFormat.Gray);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var sx = (x - marginPx) / squarePx;
                var sy = (y - marginPx) / squarePx;
                var inside = x >= marginPx && y >= marginPx && sx < squaresX && sy < squaresY;
                image.Pixels[(y * w) + x] = inside && (sx + sy) % 2 == 0 ? (byte)0 : (byte)255;
            }
        }

        return image;
    }
}
