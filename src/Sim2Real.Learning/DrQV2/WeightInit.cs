using Sim2Real.Learning.Modules;

namespace Sim2Real.Learning.DrQV2;

/// <summary>The reference's weight_init: orthogonal weights (gain sqrt(2), ReLU's, for convolutions), zero biases.</summary>
public static class WeightInit
{
    public static void Apply(Module root)
    {
        foreach (var m in root.Modules())
        {
            switch (m)
            {
                case Linear linear:
                    linear.Weight.Orthogonal_(1.0);
                    linear.Bias?.Fill_(0);
                    break;
                case Conv2d conv:
                    conv.Weight.Orthogonal_(Math.Sqrt(2.0));
                    conv.Bias.Fill_(0);
                    break;
            }
        }
    }
}
