namespace Sim2Real.Runtime.Tests.Support;

/// <summary>What the simulated quadruped's base and feet report; tests change it to stage a fall.</summary>
internal sealed class QuadState
{
    public double RollRad { get; set; }

    public double HeightM { get; set; } = 0.3;

    public bool InContact { get; set; } = true;

    public bool PublishOdometry { get; set; } = true;

    public bool PublishContacts { get; set; } = true;

    public bool PublishCommand { get; set; } = true;
}
