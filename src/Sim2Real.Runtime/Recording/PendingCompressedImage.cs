using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Vision;

namespace Sim2Real.Runtime.Recording;

/// <summary>A camera image JPEG-encoded on the writer thread (never on the loop's) as sensor_msgs/CompressedImage.</summary>
internal sealed class PendingCompressedImage(ushort channel, ulong logTime, ulong publishTime, Image image, string topic, int quality)
    : PendingMessage(channel, logTime, publishTime)
{
    public override void Write(CdrWriter cdr)
    {
        var data = ImageCodec.Encode(image.ToImage(topic), ".jpg", (int)OpenCvSharp.ImwriteFlags.JpegQuality, quality);
        new CompressedImage { Header = image.Header, Format = $"{image.Encoding}; jpeg compressed bgr8", Data = data }.Write(cdr);
    }
}
