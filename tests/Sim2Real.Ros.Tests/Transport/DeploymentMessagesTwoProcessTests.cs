using System.Collections.Concurrent;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.BuiltinInterfaces;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Messages.Tf2Msgs;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

/// <summary>
/// The messages deployment leans on hardest, filled as the runtime and the simulated robot will fill them (a camera
/// tick with 3x84x84 pixels, a tick without a camera, a tf tree, odometry with covariances), through the C peer:
/// Cyclone's own serializer must decode and re-encode them to what the C# records read back field for field.
/// </summary>
public class DeploymentMessagesTwoProcessTests
{
    private const int PerType = 2;

    [Fact]
    public async Task Odometry_tf_and_policy_ticks_cross_to_a_C_peer_and_back_unchanged()
    {
        var prefix = RosTestEnvironment.UniquePrefix();
        Odometry[] odometry = [Odom(0), Odom(1)];
        TFMessage[] tf = [Tree(0), Tree(1)];
        PolicyTick[] ticks = [CameraTick(), BlindTick()];
        using var peer = EchoPeer.StartC(prefix, PerType, [
            RosMessageTypes.Get(Odometry.TypeName), RosMessageTypes.Get(TFMessage.TypeName), RosMessageTypes.Get(PolicyTick.TypeName)]);
        await peer.ReadyAsync();
        using var node = new RosNode(RosTestEnvironment.Options());

        var odometryBack = await Relay(node, prefix, odometry);
        var tfBack = await Relay(node, prefix, tf);
        var ticksBack = await Relay(node, prefix, ticks);
        var (exitCode, output) = await peer.ExitAsync();

        Assert.True(exitCode == 0, $"peer failed ({exitCode}): {output}");
        for (var k = 0; k < PerType; k++)
        {
            Assert.Equal(odometry[k].ChildFrameId, odometryBack[k].ChildFrameId);
            Assert.Equal(odometry[k].Pose.Pose, odometryBack[k].Pose.Pose);
            Assert.Equal(odometry[k].Pose.Covariance, odometryBack[k].Pose.Covariance);
            Assert.Equal(odometry[k].Twist.Twist, odometryBack[k].Twist.Twist);
            Assert.Equal(odometry[k].Twist.Covariance, odometryBack[k].Twist.Covariance);
            Assert.Equal(tf[k].Transforms, tfBack[k].Transforms);
            Assert.Equal(RosMessage.Encode(ticks[k]), RosMessage.Encode(ticksBack[k]));
        }

        Assert.Equal(ticks[0].Pixels, ticksBack[0].Pixels);
        Assert.Equal(ticks[0].Observation, ticksBack[0].Observation);
        Assert.Equal(ticks[0].Tick, ticksBack[0].Tick);
        Assert.True(double.IsNaN(ticksBack[1].FrameAgeS), "a tick without a camera keeps frame_age_s = NaN");
        Assert.Equal("tripped:joint_state_timeout", ticksBack[1].SafetyState);
    }

    // Publishes the samples on <prefix>/in/<Type_> and collects what the peer sends back on <prefix>/out/<Type_>.
    private static async Task<T[]> Relay<T>(RosNode node, string prefix, T[] samples)
        where T : IRosMessage<T>
    {
        var key = T.TypeName.Name + "_";
        var back = new ConcurrentQueue<T>();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = node.CreateSubscription<T>($"/{prefix}/out/{key}", RosTestEnvironment.Lossless);
        using var handle = subscription.Subscribe(m =>
        {
            back.Enqueue(m);
            if (back.Count == samples.Length)
            {
                arrived.TrySetResult();
            }
        });
        using var publisher = node.CreatePublisher<T>($"/{prefix}/in/{key}", RosTestEnvironment.Lossless);
        await publisher.WaitForSubscribersAsync().WaitAsync(TimeSpan.FromSeconds(20));
        foreach (var sample in samples)
        {
            publisher.Publish(sample);
        }

        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return [.. back];
    }

    private static Header Stamped(int sec, string frame) => new() { Stamp = new Time { Sec = sec, Nanosec = 250_000_000 }, FrameId = frame };

    private static Odometry Odom(int k) => new()
    {
        Header = Stamped(10 + k, "odom"),
        ChildFrameId = "base_link",
        Pose = new PoseWithCovariance
        {
            Pose = new Pose { Position = new Point { X = 1.5 + k, Y = -0.25, Z = 0.31 }, Orientation = new Quaternion { Z = 0.3826834323650898, W = 0.9238795325112867 } },
            Covariance = Diagonal(1e-3 * (k + 1)),
        },
        Twist = new TwistWithCovariance
        {
            Twist = new Twist { Linear = new Vector3 { X = 0.5 }, Angular = new Vector3 { Z = -0.1 * k } },
            Covariance = Diagonal(1e-2),
        },
    };

    private static double[] Diagonal(double variance)
    {
        var covariance = new double[36];
        for (var i = 0; i < 6; i++)
        {
            covariance[(6 * i) + i] = variance * (i + 1);
        }

        return covariance;
    }

    private static TFMessage Tree(int k) => new()
    {
        Transforms =
        [
            Link("odom", "base_link", 0.1 * k),
            Link("base_link", "FL_hip", 0.19),
            Link("base_link", "camera_link", 0.25),
        ],
    };

    private static TransformStamped Link(string parent, string child, double x) => new()
    {
        Header = Stamped(10, parent),
        ChildFrameId = child,
        Transform = new Transform { Translation = new Vector3 { X = x, Y = 0.047, Z = -0.02 }, Rotation = new Quaternion { X = 0.5, Y = -0.5, Z = 0.5, W = 0.5 } },
    };

    private static PolicyTick CameraTick()
    {
        var pixels = new byte[3 * 84 * 84];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i * 31) ^ (i >> 8));
        }

        return new PolicyTick
        {
            Header = Stamped(12, ""),
            Tick = 5_000_000_123UL,
            Episode = 3,
            JointStateAgeS = 0.004,
            FrameAgeS = 0.031,
            InferenceS = 0.0021,
            Observation = [0.1f, -0.25f, 1e-7f, float.MaxValue, -3.5f],
            Pixels = pixels,
            PixelsShape = [3, 84, 84],
            Latent = [0.5f, -0.125f],
            RawAction = [1f, -1f, 0.333f],
            Target = [0.1, -0.2, 0.3],
            Commanded = [0.09, -0.19, 0.28],
            SafetyState = "ramp",
        };
    }

    private static PolicyTick BlindTick() => new()
    {
        Header = Stamped(13, ""),
        Tick = 7,
        JointStateAgeS = 0.2,
        FrameAgeS = double.NaN,
        InferenceS = 0.001,
        DeadlineMissed = true,
        Observation = [0.5f],
        RawAction = [0f, 0f, 0f],
        Target = [0.0, 0.0, 0.0],
        Commanded = [0.0, 0.0, 0.0],
        SafetyState = "tripped:joint_state_timeout",
    };
}
