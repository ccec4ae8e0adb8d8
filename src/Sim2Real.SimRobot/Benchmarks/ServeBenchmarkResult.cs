namespace Sim2Real.SimRobot.Benchmarks;

/// <summary>The four figures issue 13 asks of the served robot, each measured by a ROS 2 client in another process.</summary>
/// <param name="JointStates">/joint_states at 500 Hz on the wall clock.</param>
/// <param name="Lockstep">Physics steps/s in lockstep with a prompt client, against <c>sim bench</c> on the same scene.</param>
/// <param name="Camera">640x480 rgb8 image_raw frames received per second.</param>
/// <param name="Latency">From a command's publish to the first joint_states whose effort answers it.</param>
public sealed record ServeBenchmarkResult(
    JointStateRateResult JointStates,
    LockstepResult Lockstep,
    CameraRateResult Camera,
    LatencyResult Latency);
