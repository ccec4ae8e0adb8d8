using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim.Tests.Bindings;

public class MjGuardUpperStateTests
{
    // XINUSE bits: the upper 128 bits of ymm0-15 (AVX) and the upper 256 bits of zmm0-15 (AVX-512). Either one dirty
    // makes every legacy-SSE instruction in libmujoco carry a false dependency.
    private const ulong AvxUpper = 1UL << 2;
    private const ulong ZmmHi256 = 1UL << 6;

    [UpperStateFact]
    public void A_guarded_call_starts_with_the_upper_vector_state_clean_after_the_caller_left_it_dirty()
    {
        MuJoCoRuntime.EnsureStarted();

        var status = MjGuardNative.s2r_mj_test_upper_state(out var before, out var inside);

        Assert.True(status == 0, $"the probe did not run (status {status}) although this CPU has AVX and XINUSE");
        Assert.True((before & AvxUpper) != 0, $"XINUSE 0x{before:x} before the call: dirtying ymm0 did not register, so the probe shows nothing");
        Assert.True((inside & (AvxUpper | ZmmHi256)) == 0,
            $"XINUSE 0x{inside:x} inside the guard: the upper halves are still dirty, so MuJoCo's SSE code runs at about half speed (the guard lost its vzeroupper)");
    }
}
