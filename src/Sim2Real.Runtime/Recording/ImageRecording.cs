namespace Sim2Real.Runtime.Recording;

/// <summary>How camera images go into the log. The policy's own preprocessed frames are in /policy/tick whatever this says.</summary>
public enum ImageRecording
{
    /// <summary>sensor_msgs/Image as received (84x84 rgb8 at 30 Hz is 0.6 MB/s; 640x480 is 28 MB/s).</summary>
    Raw,

    /// <summary>sensor_msgs/CompressedImage (JPEG) on &lt;image topic&gt;/compressed, as image_transport names it.</summary>
    Compressed,

    /// <summary>Camera images are not recorded.</summary>
    None,
}
