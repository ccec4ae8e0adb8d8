using Sim2Real.Core.Imaging;
namespace Sim2Real.Vision.Tests.Imaging;

public class ImageCodecTests
{
    [Fact]
    public void Png_round_trip_is_lossless_and_keeps_channel_order()
    {
        var rgb = TestImages.Pattern(64, 48, PixelFormat.Rgb, 5);

        var decoded = ImageCodec.Decode(ImageCodec.Encode(rgb, ".png"));

        Assert.Equal(PixelFormat.Bgr, decoded.Format);
        Assert.Equal(rgb.Pixels, ImageOps.Convert(decoded, PixelFormat.Rgb).Pixels);
    }

    [Fact]
    public void Reads_what_it_writes_and_matches_python_cv2_decoding()
    {
        var dir = TestData.TempDirectory();
        var path = Path.Combine(dir, "pattern.png");
        ImageCodec.Write(path, TestImages.Pattern(32, 24, PixelFormat.Bgr, 1));

        var read = ImageCodec.Read(path);
        var sample = ImageCodec.Read(TestData.LeftChessboards()[0], grayscale: true);

        Assert.Equal(TestImages.Pattern(32, 24, PixelFormat.Bgr, 1).Pixels, read.Pixels);
        Assert.Equal((640, 480, PixelFormat.Gray), (sample.Width, sample.Height, sample.Format));
    }

    [Fact]
    public void Unreadable_image_is_an_error_naming_the_file()
    {
        var dir = TestData.TempDirectory();
        var path = Path.Combine(dir, "broken.png");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);

        var e = Assert.Throws<ImageFileException>(() => ImageCodec.Read(path));

        Assert.Equal(path, e.FilePath);
        Assert.Contains("not a readable image", e.Message, StringComparison.Ordinal);
        Assert.Contains("no such file", Assert.Throws<ImageFileException>(() => ImageCodec.Read(path + ".missing")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_bytes_do_not_decode()
    {
        var e = Assert.Throws<OpenCvException>(() => ImageCodec.Decode([1, 2, 3, 4]));
        Assert.Contains("decode", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resize_and_colour_conversion_give_expected_values()
    {
        var rgb = Image.FromRgb(2, 2, [10, 20, 30, 10, 20, 30, 10, 20, 30, 10, 20, 30]);

        var small = ImageOps.Resize(rgb, 1, 1);
        var bgr = ImageOps.Convert(small, PixelFormat.Bgr);
        var gray = ImageOps.Convert(rgb, PixelFormat.Gray);

        Assert.Equal([10, 20, 30], small.Pixels);
        Assert.Equal([30, 20, 10], bgr.Pixels);
        // ITU-R BT.601 luma: 0.299 R + 0.587 G + 0.114 B = 18.15
        Assert.All(gray.Pixels, v => Assert.Equal(18, v));
    }
}
