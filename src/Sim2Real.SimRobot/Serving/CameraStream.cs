using Sim2Real.Robotics.Spec;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Rendering;
using Sim2Real.SimRobot.Sensors;
using RosImage = Sim2Real.Ros.Messages.SensorMsgs.Image;

namespace Sim2Real.SimRobot.Serving;

/// <summary>
/// One camera as its driver would serve it: rgb8 frames on image_raw and the matching camera_info, both stamped with
/// the capture time. A frame renders from a snapshot of the state (forwarded, so it shows exactly the state at its
/// stamp). In lockstep mode it renders on the simulation thread before the clock moves on; in real time on a worker
/// of its own, and a frame that comes due while the last one is still rendering is skipped, as a camera too slow
/// for its rate skips.
/// </summary>
internal sealed class CameraStream : IDisposable
{
    private readonly RobotSimulation _sim;
    private readonly MjRenderer _renderer;
    private readonly int _camera;
    private readonly MjData _snapshot;
    private readonly RosPublisher<RosImage> _images;
    private readonly RosPublisher<CameraInfo> _infos;
    private readonly bool _synchronous;
    private readonly Random _noise;
    private readonly Lock _model;
    private readonly SemaphoreSlim _due = new(0);
    private readonly Thread? _worker;
    private readonly CancellationTokenSource _stop = new();
    private Time _stamp = new();
    private volatile bool _busy;
    private long _published;
    private long _skipped;
    private volatile RosTransportException? _failure;

    /// <param name="model">Held while rendering: the simulation thread takes it before rewriting the model at an episode start.</param>
    public CameraStream(RobotSimulation sim, CameraSpec spec, RosNode node, string imageTopic, string infoTopic, bool synchronous, int seed, Lock model)
    {
        _sim = sim;
        Spec = spec;
        _camera = sim.Model.CameraId(spec.Name);
        _renderer = new MjRenderer(sim.Model, new RenderOptions { Width = spec.Width, Height = spec.Height, Quality = RenderQuality.Fast });
        _snapshot = sim.Model.CreateData();
        _images = node.CreatePublisher<RosImage>(imageTopic, QosProfile.SensorData);
        _infos = node.CreatePublisher<CameraInfo>(infoTopic, QosProfile.SensorData);
        _synchronous = synchronous;
        _noise = new Random(seed);
        _model = model;
        Info = CameraInfoFor(spec);
        if (!synchronous)
        {
            _worker = new Thread(Work) { IsBackground = true, Name = $"sim-serve-camera-{spec.Name}" };
            _worker.Start();
        }
    }

    /// <summary>The camera as served: its robot.yaml entry at the served resolution.</summary>
    public CameraSpec Spec { get; }

    /// <summary>camera_info as published (without header).</summary>
    public CameraInfo Info { get; }

    public long Published => Interlocked.Read(ref _published);

    /// <summary>Why the worker stopped publishing, if it did; the simulation thread rethrows it.</summary>
    public RosTransportException? Failure => _failure;

    /// <summary>Frames not rendered because the previous one was still rendering.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>The ideal pinhole a MuJoCo camera is: K and P from the field of view, no distortion, no rectification.</summary>
    public static CameraInfo CameraInfoFor(CameraSpec spec) => new()
    {
        Header = new Header { FrameId = TfFrames.OpticalFrame(spec.Name) },
        Width = (uint)spec.Width,
        Height = (uint)spec.Height,
        DistortionModel = "plumb_bob",
        D = [0, 0, 0, 0, 0],
        K = spec.K,
        R = [1, 0, 0, 0, 1, 0, 0, 0, 1],
        P = spec.P,
    };

    /// <summary>Captures the current state at <paramref name="stamp"/>; called on the simulation thread.</summary>
    public void Capture(Time stamp)
    {
        if (_synchronous)
        {
            _snapshot.CopyFrom(_sim.Data);
            RenderAndPublish(stamp);
            return;
        }

        if (_busy)
        {
            Interlocked.Increment(ref _skipped);
            return;
        }

        // The worker is idle, so the snapshot is free to overwrite.
        _snapshot.CopyFrom(_sim.Data);
        _stamp = stamp;
        _busy = true;
        _due.Release();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _worker?.Join();
        _renderer.Dispose();
        _snapshot.Dispose();
        _images.Dispose();
        _infos.Dispose();
        _due.Dispose();
        _stop.Dispose();
    }

    private void Work()
    {
        try
        {
            while (true)
            {
                _due.Wait(_stop.Token);
                try
                {
                    RenderAndPublish(_stamp);
                }
                catch (RosTransportException e)
                {
                    _failure = e;
                    return;
                }
                finally
                {
                    _busy = false;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private void RenderAndPublish(Time stamp)
    {
        var rgb = new byte[3 * Spec.Width * Spec.Height];
        lock (_model)
        {
            _snapshot.Forward();
            _sim.RenderFrame(_renderer, _camera, _snapshot, rgb, _noise);
        }

        var header = new Header { Stamp = stamp, FrameId = TfFrames.OpticalFrame(Spec.Name) };
        _images.Publish(Core.Imaging.Image.FromRgb(Spec.Width, Spec.Height, rgb).ToMessage(header));
        _infos.Publish(Info with { Header = header });
        Interlocked.Increment(ref _published);
    }
}
