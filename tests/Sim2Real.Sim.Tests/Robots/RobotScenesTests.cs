using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tests.Robots;

/// <summary>menagerie's model test: every scene loads, and a second of random controls raises no MuJoCo warning.</summary>
public class RobotScenesTests
{
    public static TheoryData<string, string> Scenes()
    {
        var data = new TheoryData<string, string>();
        var catalog = RobotCatalog.Discover();
        foreach (var name in catalog.Names)
        {
            foreach (var scene in catalog.Load(name).Scenes.Keys)
            {
                data.Add(name, scene);
            }
        }

        return data;
    }

    [Fact]
    public void Every_scene_file_under_robots_is_listed_in_its_robot_config()
    {
        var catalog = RobotCatalog.Discover();
        var listed = catalog.Names.SelectMany(n => catalog.Load(n).Scenes.Keys.Select(s => Path.GetFullPath(catalog.Load(n).ScenePath(s)))).ToHashSet();

        var onDisk = Directory.GetFiles(catalog.Root, "scene*.xml", SearchOption.AllDirectories).Select(Path.GetFullPath);

        Assert.All(onDisk, file => Assert.Contains(file, listed));
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Scene_runs_one_second_of_random_controls_without_a_warning(string robotName, string scene)
    {
        var robot = RobotCatalog.Discover().Load(robotName);
        using var model = RobotModel.Load(robot, scene);
        using var data = model.CreateData();
        Assert.Null(model.LoadWarning);
        // The log is process-wide and other tests provoke warnings on purpose: keep only this thread's.
        var thread = Environment.CurrentManagedThreadId;
        var raised = new List<string>();
        void OnWarning(string message)
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                raised.Add(message);
            }
        }

        MjWarningLog.Raised += OnWarning;
        try
        {
            RunRandomControls(robot, model, data);
        }
        finally
        {
            MjWarningLog.Raised -= OnWarning;
        }

        Assert.Empty(data.Warnings());
        Assert.Empty(raised);
        Assert.All(data.qpos.ToArray(), q => Assert.True(double.IsFinite(q)));
    }

    private static void RunRandomControls(RobotConfig robot, MjModel model, MjData data)
    {

        data.ResetToKeyframe("home");
        var random = new Random(1);
        var controls = new double[model.nu];
        var steps = (int)Math.Round(1.0 / model.opt.timestep);
        for (var t = 0; t < steps; t++)
        {
            if (t % robot.PhysicsStepsPerControl == 0)
            {
                for (var a = 0; a < model.nu; a++)
                {
                    var low = model.actuator_ctrlrange[2 * a];
                    var high = model.actuator_ctrlrange[(2 * a) + 1];
                    controls[a] = low + ((high - low) * random.NextDouble());
                }

                data.SetControls(controls);
            }

            data.Step();
        }
    }

    [Fact]
    public void Rough_scene_height_field_is_filled_at_load_time_with_level_ground_at_the_origin()
    {
        var robot = RobotCatalog.Discover().Load("quad12");
        using var model = RobotModel.Load(robot, "walk_rough");

        var data = model.hfield_data.ToArray();
        var rows = model.hfield_nrow[0];
        var cols = model.hfield_ncol[0];

        Assert.True(data.Max() * model.hfield_size[2] > 0.03, "bumps should be several centimetres high");
        Assert.True(data.Max() * model.hfield_size[2] <= robot.Terrain!.BumpHeightM + 1e-6);
        Assert.Equal(0f, data[((rows / 2) * cols) + (cols / 2)]);
    }

    [Fact]
    public void Robot_config_gains_and_effort_limits_are_written_into_the_model()
    {
        var robot = RobotCatalog.Discover().Load("arm6");
        using var model = RobotModel.Load(robot, "reach");

        var elbow = model.ActuatorId("elbow");
        var joint = robot.Joints.Single(j => j.Name == "elbow");
        Assert.Equal(joint.KpNmPerRad, model.actuator_gainprm[10 * elbow]);
        Assert.Equal(-joint.KpNmPerRad, model.actuator_biasprm[(10 * elbow) + 1]);
        Assert.Equal(-joint.KdNmSPerRad, model.actuator_biasprm[(10 * elbow) + 2]);
        Assert.Equal(joint.EffortLimitNm, model.actuator_forcerange[(2 * elbow) + 1]);
    }
}
