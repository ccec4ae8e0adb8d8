namespace Sim2Real.Robotics.Observations;

/// <summary>
/// What a policy acts on at one tick: the state vector of its layout, the stacked camera frames when it sees pixels
/// (uint8 [stack x 3, H, W], channel-first, oldest frame first, as DrQ-v2 stacks them), and the privileged
/// environment factors e_t that only the simulator knows (RMA's teacher input; null on a real robot).
/// </summary>
public sealed class Observation
{
    /// <summary>Name of the state vector in observation specs.</summary>
    public const string StateName = "state";

    /// <summary>Name of the stacked frames in observation specs: uint8 [stack x 3, H, W].</summary>
    public const string PixelsName = "pixels";

    /// <summary>Name of the privileged environment factors e_t in observation specs.</summary>
    public const string PrivilegedName = "env_factors";

    /// <summary>Name of a raw camera frame in an environment's observation spec: uint8 [H, W, 3], RGB, rows top-down.</summary>
    public const string FrameName = "frame";

    public Observation(float[] state, byte[]? pixels = null, float[]? privileged = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        State = state;
        Pixels = pixels;
        Privileged = privileged;
    }

    public float[] State { get; }

    public byte[]? Pixels { get; }

    public float[]? Privileged { get; }

    /// <summary>This observation with stacked frames attached (the frame pipeline runs outside the simulator).</summary>
    public Observation WithPixels(byte[] pixels) => new(State, pixels, Privileged);
}
