namespace Sim2Real.Learning.Tests.Rma;

/// <summary>Element-wise comparison against the reference, reporting the worst element.</summary>
internal static class Close
{
    /// <param name="tolerance">Absolute, scaled by the largest reference magnitude when that exceeds 1.</param>
    public static void Assert(string name, float[] expected, float[] actual, double tolerance)
    {
        Xunit.Assert.True(expected.Length == actual.Length, $"{name}: reference has {expected.Length} values, C# {actual.Length}");
        var scale = Math.Max(1.0, expected.Length == 0 ? 0 : expected.Max(v => Math.Abs(v)));
        var worst = 0.0;
        var at = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            var d = Math.Abs(expected[i] - actual[i]);
            if (d > worst)
            {
                worst = d;
                at = i;
            }
        }

        Xunit.Assert.True(worst <= tolerance * scale, $"{name}: element {at} differs by {worst} (reference {expected[at]}, C# {actual[at]})");
    }
}
