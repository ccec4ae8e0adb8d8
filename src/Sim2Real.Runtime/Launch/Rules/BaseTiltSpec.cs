using Sim2Real.Core;

namespace Sim2Real.Runtime.Launch.Rules;

/// <summary>base_tilt (floating base): trips when |roll| or |pitch| of the base (odometry) exceeds <c>limit_rad</c>.</summary>
public sealed record BaseTiltSpec
{
    public double? LimitRad { get; init; }

    internal double Resolve(string source, string field)
    {
        var limit = RequiredField.Positive(LimitRad, source, $"{field}.limit_rad");
        if (limit >= Math.PI / 2)
        {
            throw new InvalidConfigException(source, $"{field}.limit_rad", $"{limit} rad is past vertical; a tilt limit must be below pi/2");
        }

        return limit;
    }
}
