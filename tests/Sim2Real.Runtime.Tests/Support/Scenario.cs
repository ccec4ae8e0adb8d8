using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>Ready-made runs: a loop, a robot that follows it, and the task inputs its policy needs.</summary>
internal static class Scenario
{
    /// <summary>Actions that keep every joint moving: 0.3 sin(0.2 k) on policy call k.</summary>
    public static Func<int, Sim2Real.Robotics.Observations.Observation, float[]> Moving(int joints, double amplitude = 0.3) =>
        (k, _) => Enumerable.Range(0, joints).Select(i => (float)(amplitude * Math.Sin((0.2 * k) + i))).ToArray();

    /// <summary>arm6 with a robot at home publishing at 100 Hz and a target published once, latched-style, at t=5 ms.</summary>
    public static (LoopHarness Harness, SimulatedRobot Robot) Arm(PolicyLoopOptions? options = null, Func<int, Sim2Real.Robotics.Observations.Observation, float[]>? act = null, Func<long, TimeSpan>? latency = null)
    {
        var o = options ?? LoopHarness.Arm();
        var policy = new FakePolicy(o.Layout.Size, 6, act ?? ((_, _) => new float[6]));
        var h = new LoopHarness(o, policy, latency);
        var robot = h.Robot();
        h.Loop.Start();
        robot.Start();
        h.At(0.005, () => h.Target.OnNext(new PointStamped { Point = new Point { X = 0.3, Y = 0.1, Z = 0.4 } }));
        return (h, robot);
    }

    /// <summary>quad12 standing with odometry and foot contacts at 100 Hz and a velocity command every 100 ms.</summary>
    public static (LoopHarness Harness, SimulatedRobot Robot, QuadState State) Quad(PolicyLoopOptions? options = null, Func<int, Sim2Real.Robotics.Observations.Observation, float[]>? act = null)
    {
        var o = options ?? LoopHarness.Quad();
        var policy = new FakePolicy(o.Layout.Size, 12, act ?? ((_, _) => new float[12]));
        var h = new LoopHarness(o, policy);
        var robot = h.Robot();
        var state = new QuadState();
        h.Loop.Start();
        robot.Start();
        h.Scheduler.SchedulePeriodic(TimeSpan.FromMilliseconds(10), () =>
        {
            if (state.PublishOdometry)
            {
                var (w, x) = (Math.Cos(state.RollRad / 2), Math.Sin(state.RollRad / 2));
                h.Odometry.OnNext(new Odometry
                {
                    Pose = new PoseWithCovariance { Pose = new Pose { Position = new Point { Z = state.HeightM }, Orientation = new Quaternion { W = w, X = x } } },
                });
            }

            if (state.PublishContacts)
            {
                h.FootContacts.OnNext(new FootContacts
                {
                    Name = ["FL", "FR", "RL", "RR"],
                    InContact = [.. Enumerable.Repeat(state.InContact, 4)],
                    NormalForceN = [30, 30, 30, 30],
                });
            }
        });
        h.Scheduler.SchedulePeriodic(TimeSpan.FromMilliseconds(100), () =>
        {
            if (state.PublishCommand)
            {
                h.VelocityCommand.OnNext(new Twist { Linear = new Vector3 { X = 0.5 } });
            }
        });
        return (h, robot, state);
    }

    /// <summary>The watchdog event of <paramref name="rule"/>, which must have tripped exactly once.</summary>
    public static WatchdogEvent Tripped(this LoopHarness h, string rule) => Assert.Single(h.Outputs.Events, e => e.Rule == rule && e.Tripped);

    /// <summary>Seconds from the fault becoming detectable to the safe action on the command topic.</summary>
    public static double Reaction(this WatchdogEvent e) => e.CommandedS - e.DetectedS;

    public static DateTimeOffset CommandedAt(this WatchdogEvent e) => DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(e.CommandedS);

    /// <summary>The last joint_states positions the robot published before <paramref name="t"/>.</summary>
    public static double[] LastPublished(List<(DateTimeOffset At, double[] Positions)> log, DateTimeOffset t) => log.Last(s => s.At <= t).Positions;

    public static List<(DateTimeOffset At, double[] Positions)> RecordJointStates(this LoopHarness h)
    {
        var log = new List<(DateTimeOffset, double[])>();
        h.JointStates.Subscribe(m => log.Add((h.Scheduler.Now, m.Position)));
        return log;
    }

    public static bool NoTrips(this LoopHarness h) => h.Outputs.Events.Count == 0 && h.Loop.TripHistory.Count == 0;

    public static string[] TrippedRules(this LoopHarness h) => [.. h.Loop.TripHistory.Select(t => t.Rule)];

    public static PolicyLoopOptions WithWatchdogs(this PolicyLoopOptions o, Func<WatchdogSettings, WatchdogSettings> change) => o with { Watchdogs = change(o.Watchdogs) };
}
