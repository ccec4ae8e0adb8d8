using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.SimRobot.Faults;

/// <summary>The faults the served robot injects: sim2real_msgs/FaultCommand's kinds, with the same values.</summary>
public enum FaultKind : byte
{
    /// <summary>Ends every active fault.</summary>
    Clear = FaultCommand.CLEAR,

    /// <summary>/joint_states (and /tf, /imu, /odom, /foot_contacts) go silent.</summary>
    StopJointStates = FaultCommand.STOP_JOINT_STATES,

    /// <summary>/joint_states keep coming with fresh stamps and the last values.</summary>
    FreezeJointStates = FaultCommand.FREEZE_JOINT_STATES,

    /// <summary>No camera frames (image_raw and camera_info).</summary>
    DropCamera = FaultCommand.DROP_CAMERA,

    /// <summary>Commands take effect magnitude seconds late, plus up to jitter seconds.</summary>
    CommandLatency = FaultCommand.COMMAND_LATENCY,

    /// <summary>A force of magnitude newtons along direction on the robot's push body.</summary>
    Push = FaultCommand.PUSH,

    /// <summary>Gaussian noise of standard deviation magnitude radians on every joint-position reading.</summary>
    SensorNoise = FaultCommand.SENSOR_NOISE,
}
