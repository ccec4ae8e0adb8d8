namespace Sim2Real.Sim.Benchmarks;

/// <summary>
/// The Halton sequence (radical inverse of <c>index</c> in <c>radix</c>) with mju_Halton's arithmetic, so the
/// benchmark's controls equal testspeed's without a native call per actuator per step inside the timed loop.
/// </summary>
internal static class Halton
{
    public static double Value(int index, int radix)
    {
        double b = radix;
        var f = 1 / b;
        var value = 0.0;
        for (var n = index; n > 0;)
        {
            var next = n / radix;
            value += f * (n - (next * radix));
            f /= b;
            n = next;
        }

        return value;
    }
}
