using System.Reactive.Linq;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Runtime.Launch;

namespace Sim2Real.Runtime.Recording;

/// <summary>
/// Where the runtime's streams meet the recorder: each input is recorded as the loop takes it (on the loop's thread,
/// stamped with the deployment's clock), each output as it is published. Camera images follow the logging options
/// (raw, JPEG, none; decimated to a rate).
/// </summary>
public sealed class RecordingTaps
{
    private readonly DeploymentRecorder _recorder;
    private readonly Func<DateTimeOffset> _now;

    /// <param name="now">The deployment's clock, read on the loop's thread (sim time under /clock).</param>
    public RecordingTaps(DeploymentRecorder recorder, Func<DateTimeOffset> now)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(now);
        _recorder = recorder;
        _now = now;
    }

    public DeploymentRecorder Recorder => _recorder;

    public DateTimeOffset Now => _now();

    /// <summary><paramref name="source"/>, recording each message as it passes with its header stamp.</summary>
    public IObservable<T> Input<T>(IObservable<T> source, TopicEndpoint topic, Func<T, Time?> stamp)
        where T : IRosMessage<T>
    {
        ArgumentNullException.ThrowIfNull(topic);
        var channel = _recorder.Topic<T>(topic.Name, topic.Qos);
        return source.Do(m => _recorder.Record(channel, m, _now(), stamp(m)));
    }

    /// <summary>Camera frames as the logging options say: every frame the loop takes, at most image_rate_hz, raw or JPEG.</summary>
    public IObservable<Image> Images(IObservable<Image> source, TopicEndpoint topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var options = _recorder.Options;
        if (options.Images == ImageRecording.None)
        {
            return source;
        }

        var compressed = options.Images == ImageRecording.Compressed;
        var channel = compressed
            ? _recorder.Topic<CompressedImage>(topic.Name.TrimEnd('/') + "/compressed", topic.Qos)
            : _recorder.Topic<Image>(topic.Name, topic.Qos);
        var every = options.ImageRateHz is { } hz ? TimeSpan.FromSeconds(1 / hz) : TimeSpan.Zero;
        DateTimeOffset? last = null;
        return source.Do(image =>
        {
            var now = _now();
            if (last is { } l && now - l < every)
            {
                return;
            }

            last = now;
            if (compressed)
            {
                _recorder.RecordCompressed(channel, image, now);
            }
            else
            {
                _recorder.Record(channel, image, now, image.Header.Stamp);
            }
        });
    }

    /// <summary>A recorder of one output topic, called as each message is published.</summary>
    public Action<T> Output<T>(TopicEndpoint topic, Func<T, Time?> stamp)
        where T : IRosMessage<T>
    {
        ArgumentNullException.ThrowIfNull(topic);
        var channel = _recorder.Topic<T>(topic.Name, topic.Qos);
        return m => _recorder.Record(channel, m, _now(), stamp(m));
    }
}
