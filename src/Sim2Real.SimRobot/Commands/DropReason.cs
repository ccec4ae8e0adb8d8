namespace Sim2Real.SimRobot.Commands;

/// <summary>Why a command message was dropped whole, as forward_command_controller drops it.</summary>
public enum DropReason
{
    /// <summary>Some value is NaN or infinite.</summary>
    NonFinite,

    /// <summary>Not one value per joint (or, for gains, two).</summary>
    WrongSize,

    /// <summary>A trajectory that names other joints, has no points, or times that do not increase; gains below zero.</summary>
    Malformed,
}
