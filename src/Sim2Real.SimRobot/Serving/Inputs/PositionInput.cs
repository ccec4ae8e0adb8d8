namespace Sim2Real.SimRobot.Serving.Inputs;

/// <summary>A /forward_position_controller/commands message: joint position targets in joint order.</summary>
internal sealed record PositionInput(double[] Data) : ServeInput
{
    public override bool IsCommand => true;
}
