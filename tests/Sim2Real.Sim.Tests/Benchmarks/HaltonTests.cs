using Sim2Real.Sim.Benchmarks;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim.Tests.Benchmarks;

public class HaltonTests
{
    [Fact]
    public void Matches_mju_Halton_bit_for_bit()
    {
        MuJoCoRuntime.EnsureStarted();
        for (var radix = 2; radix < 30; radix++)
        {
            for (var index = 0; index < 3000; index += 7)
            {
                Assert.Equal(MjNative.mju_Halton(index, radix), Halton.Value(index, radix));
            }
        }
    }
}
