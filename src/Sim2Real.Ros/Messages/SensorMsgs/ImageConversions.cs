using Sim2Real.Core.Imaging;

namespace Sim2Real.Ros.Messages.SensorMsgs;

/// <summary>
/// sensor_msgs/Image to and from the project's one image type, with ROS's encoding names (sensor_msgs/image_encodings:
/// rgb8, bgr8, mono8, bgra8). A camera driver's row padding (step beyond width x channels) is removed.
/// </summary>
public static class ImageConversions
{
    /// <param name="topic">Named in errors.</param>
    /// <exception cref="InvalidDataException">An encoding other than the 8-bit ones above, or data shorter than step x height.</exception>
    public static Core.Imaging.Image ToImage(this Image message, string topic)
    {
        ArgumentNullException.ThrowIfNull(message);
        var format = message.Encoding switch
        {
            "rgb8" => PixelFormat.Rgb,
            "bgr8" => PixelFormat.Bgr,
            "mono8" or "8UC1" => PixelFormat.Gray,
            "bgra8" => PixelFormat.Bgra,
            var other => throw new InvalidDataException($"{topic}: image encoding '{other}' is not one the frame pipeline takes (rgb8, bgr8, mono8, bgra8)"),
        };
        var width = checked((int)message.Width);
        var height = checked((int)message.Height);
        if (width <= 0 || height <= 0)
        {
            throw new InvalidDataException($"{topic}: image is {width}x{height}");
        }

        var row = width * format.Channels();
        var step = checked((int)message.Step);
        if (step < row || (long)step * height > message.Data.Length)
        {
            throw new InvalidDataException($"{topic}: a {width}x{height} {message.Encoding} image needs step >= {row} and {(long)Math.Max(step, row) * height} data bytes; it has step {step} and {message.Data.Length} bytes");
        }

        if (step == row)
        {
            return new Core.Imaging.Image(width, height, format, message.Data.Length == row * height ? message.Data : message.Data[..(row * height)]);
        }

        var pixels = new byte[row * height];
        for (var y = 0; y < height; y++)
        {
            message.Data.AsSpan(y * step, row).CopyTo(pixels.AsSpan(y * row, row));
        }

        return new Core.Imaging.Image(width, height, format, pixels);
    }

    /// <summary>An image as a sensor_msgs/Image, tightly packed.</summary>
    public static Image ToMessage(this Core.Imaging.Image image, StdMsgs.Header header)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new Image
        {
            Header = header,
            Width = (uint)image.Width,
            Height = (uint)image.Height,
            Encoding = image.Format switch
            {
                PixelFormat.Rgb => "rgb8",
                PixelFormat.Bgr => "bgr8",
                PixelFormat.Gray => "mono8",
                PixelFormat.Bgra => "bgra8",
                _ => throw new ArgumentOutOfRangeException(nameof(image), image.Format, "no ROS encoding"),
            },
            Step = (uint)image.Stride,
            Data = image.Pixels,
        };
    }
}
