using System.Globalization;
using System.Text.Json;
using Sim2Real.Robotics.Observations;
using Sim2Real.Runtime.Safety;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.EndToEnd;

/// <summary>
/// The rest of sim serve's fault set against deploy in another process (docs/runtime.md's fault table): each fault
/// answered by its rule, and only by it, with the safe action out within one control period of detection.
/// </summary>
public sealed class SimServeFaultTests(SimulatedArm arm) : IClassFixture<SimulatedArm>
{
    private const double ControlPeriodS = 0.02;
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task Stopped_joint_states_from_sim_serve_trip_joint_states_stale_within_one_control_period()
    {
        var trip = await TripAsync(arm.Launch, "stop_joint_states,at=1.5,duration=1", RuleNames.JointStatesStale, durationS: 3);

        Assert.Contains("no /joint_states", trip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frozen_joint_states_from_sim_serve_trip_joint_states_frozen_within_one_control_period()
    {
        // The untrained policy keeps moving its targets, so a sensor that repeats itself is a frozen one.
        var trip = await TripAsync(arm.Launch, "freeze_joint_states,at=1.5,duration=2", RuleNames.JointStatesFrozen, durationS: 4);

        // 25 identical samples at 500 Hz joint_states: detectable 50 ms after the freeze at the earliest.
        Assert.InRange(trip.DetectedS, 1.5 + 0.045, 3.5);
        Assert.Contains("the sensor is frozen", trip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_on_the_arm_from_sim_serve_trips_tracking_error_within_one_control_period()
    {
        var trip = await TripAsync(TightTracking(), "push,at=1,duration=2,magnitude=300,direction=0:0:1", RuleNames.TrackingError, durationS: 4);

        Assert.InRange(trip.DetectedS, 1 + 0.5, 3);
        Assert.Contains("the robot does not follow", trip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_latency_in_sim_serve_trips_tracking_error_within_one_control_period()
    {
        // Commands reach the joints 2 s late: the shipped policy's first reach (0.55-0.8 rad off target, depending on
        // where in it the fault begins; 0.14 rad at most without the fault) waits on a still arm.
        var trip = await TripAsync(TightTracking(), "command_latency,at=0.5,duration=4,magnitude=2", RuleNames.TrackingError, durationS: 4);

        Assert.InRange(trip.DetectedS, 0.5 + 0.5, 2.5);
        Assert.Contains("the robot does not follow", trip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_camera_in_sim_serve_trips_camera_stale_for_a_pixel_policy_within_one_control_period()
    {
        // An untrained pixel policy on the scene camera, through the shipped pixel launch file (camera_stale 0.2 s;
        // tracking_error wider, as for the other untrained policy).
        var policy = TinyPolicy.WritePixels(arm.PathOf("pixels"), Repo.Arm6, ObservationLayouts.Reach, Pixels.Camera);
        var launch = Repo.LaunchCopy("arm6_reach_pixels_sim.yaml", arm.PathOf("arm6_reach_pixels_e2e.yaml"), policy,
            ("tracking_error: { limit_rad: 0.6, duration_s: 0.5 }", "tracking_error: { limit_rad: 2.0, duration_s: 1.0 }"));

        var trip = await TripAsync(launch, "drop_camera,at=1.5,duration=1", RuleNames.CameraStale, durationS: 3, camera: "scene");

        // Detectable 0.2 s after the last frame, which came at most one 30 Hz frame period before the drop.
        Assert.InRange(trip.DetectedS, 1.5 - (1.0 / 30) + 0.2 - 1e-6, 2.5);
    }

    /// <summary>The shipped policy and launch file with tracking_error at 0.3 rad for 0.5 s: twice the fault-free worst (0.14 rad).</summary>
    private string TightTracking() => Repo.LaunchCopy("arm6_reach_sim.yaml", arm.PathOf("arm6_reach_tracking.yaml"), policy: null,
        ("tracking_error: { limit_rad: 0.6, duration_s: 0.5 }", "tracking_error: { limit_rad: 0.3, duration_s: 0.5 }"));

    private async Task<Trip> TripAsync(string launch, string fault, string rule, double durationS, string? camera = null)
    {
        var domain = RosDomain.Fresh();
        string[] serveArgs = camera is null
            ? SimulatedArm.ServeArgs(fault)
            : [.. SimulatedArm.ServeArgs(fault).Where(a => a != "--no-cameras"), "--camera", camera];
        using var serve = CliProcess.Start(domain, serveArgs);
        await serve.WaitForOutputAsync("serving", Startup);
        var json = arm.PathOf($"{rule}-{Guid.NewGuid():N}.json");
        using var deploy = CliProcess.Start(domain, "deploy", "--launch", launch, "--duration", durationS.ToString(CultureInfo.InvariantCulture), "--expect-trip", rule, "--no-record", "--summary-json", json);
        var code = await deploy.ExitAsync(Bound);

        Assert.True(code == 0, deploy.Output);
        using var summary = JsonDocument.Parse(File.ReadAllText(json));
        var trip = Assert.Single(summary.RootElement.GetProperty("trips").EnumerateArray());
        Assert.Equal(rule, trip.GetProperty("rule").GetString());
        var reaction = trip.GetProperty("reaction_s").GetDouble();
        Assert.True(reaction <= ControlPeriodS + 1e-9, string.Create(CultureInfo.InvariantCulture, $"{rule}: safe action {reaction * 1000:0.###} ms after detection; one control period is {ControlPeriodS * 1000} ms"));
        return new Trip(trip.GetProperty("detected_s").GetDouble(), trip.GetProperty("reason").GetString()!);
    }

    /// <summary>When (sim serve's clock, which the fault's at= counts in) and why the rule tripped.</summary>
    private sealed record Trip(double DetectedS, string Reason);
}
