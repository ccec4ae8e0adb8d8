using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tests.Tasks;

public class ReachTaskTests
{
    /// <summary>
    /// The task must be learnable: every sampled target lies inside what the action range can command, and the PD
    /// servos hold the hand there within the success radius. A scripted policy (inverse kinematics on a scratch
    /// copy of the state, then the matching constant action) shows both.
    /// </summary>
    [Fact]
    public void A_scripted_inverse_kinematics_policy_succeeds_on_every_sampled_target()
    {
        var robot = RobotCatalog.Discover().Load("arm6");
        using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", ActionRepeat = 2 });
        using var scratch = env.Model.CreateData();
        var home = robot.Joints.Select((j, i) => env.Model.key_ctrl[i]).ToArray();
        var scale = robot.Joints.Select(j => j.ActionScaleRad).ToArray();
        var successes = 0;
        const int episodes = 12;
        for (var seed = 0; seed < episodes; seed++)
        {
            var step = env.Reset(seed);
            var target = step.Observation.State[18..21].Select(v => (double)v).ToArray();
            var joints = SolveIk(env.Model, scratch, home, target, robot);
            var action = joints.Select((q, i) => (float)Math.Clamp((q - home[i]) / scale[i], -1, 1)).ToArray();
            while (!step.IsLast)
            {
                step = env.Step(action);
            }

            successes += step.Info.Success ? 1 : 0;
        }

        Assert.Equal(episodes, successes);
    }

    // Damped least squares on positions only, numerical Jacobian, joints clipped to the config limits.
    private static double[] SolveIk(MjModel model, MjData data, double[] home, double[] target, RobotConfig robot)
    {
        var n = home.Length;
        var q = (double[])home.Clone();
        var site = model.SiteId("ee");
        var adr = robot.Joints.Select(j => model.jnt_qposadr[model.JointId(j.Name)]).ToArray();
        double[] Ee(double[] joints)
        {
            data.ResetToKeyframe("home");
            for (var i = 0; i < n; i++)
            {
                data.qpos[adr[i]] = joints[i];
            }

            data.Forward();
            return data.site_xpos.Slice(3 * site, 3).ToArray();
        }

        for (var iteration = 0; iteration < 200; iteration++)
        {
            var ee = Ee(q);
            var error = new[] { target[0] - ee[0], target[1] - ee[1], target[2] - ee[2] };
            if (Math.Sqrt(error.Sum(e => e * e)) < 1e-3)
            {
                break;
            }

            var jacobian = new double[3, n];
            for (var j = 0; j < n; j++)
            {
                var moved = (double[])q.Clone();
                moved[j] += 1e-4;
                var e2 = Ee(moved);
                for (var k = 0; k < 3; k++)
                {
                    jacobian[k, j] = (e2[k] - ee[k]) / 1e-4;
                }
            }

            // dq = J^T (J J^T + lambda I)^-1 error, solved by Cramer's rule on the 3x3 system.
            var a = new double[3, 3];
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 3; c++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        a[r, c] += jacobian[r, j] * jacobian[c, j];
                    }
                }

                a[r, r] += 1e-3;
            }

            var y = Solve3(a, error);
            for (var j = 0; j < n; j++)
            {
                var dq = (jacobian[0, j] * y[0]) + (jacobian[1, j] * y[1]) + (jacobian[2, j] * y[2]);
                var joint = robot.Joints[j];
                var low = Math.Max(joint.PositionLimitRad.Min, home[j] - joint.ActionScaleRad);
                var high = Math.Min(joint.PositionLimitRad.Max, home[j] + joint.ActionScaleRad);
                q[j] = Math.Clamp(q[j] + (0.5 * dq), low, high);
            }
        }

        return q;
    }

    private static double[] Solve3(double[,] a, double[] b)
    {
        static double Det(double[,] m) =>
            (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
            - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
            + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));

        var det = Det(a);
        var x = new double[3];
        for (var c = 0; c < 3; c++)
        {
            var m = (double[,])a.Clone();
            for (var r = 0; r < 3; r++)
            {
                m[r, c] = b[r];
            }

            x[c] = Det(m) / det;
        }

        return x;
    }
}
