using System.Text.RegularExpressions;
using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Tests.Bindings;

public partial class MjFieldAccessTests
{
    [Fact]
    public void Array_lengths_follow_the_model_sizes()
    {
        using var model = MjModel.FromXmlFile(TestModels.Humanoid);
        using var data = model.CreateData();

        Assert.Equal(model.nq, data.qpos.Length);
        Assert.Equal(model.nv, data.qvel.Length);
        Assert.Equal(model.nu, data.ctrl.Length);
        Assert.Equal(model.nbody * 3, data.xpos.Length);
        Assert.Equal(model.nbody * 9, data.xmat.Length);
        Assert.Equal(model.nu * 2, model.actuator_ctrlrange.Length);
        Assert.Equal(model.ngeom * 4, model.geom_rgba.Length);
        Assert.Equal(model.nq, model.qpos0.Length);
        Assert.Equal(8, data.warning.Length);
        Assert.Equal(3, model.opt.gravity.Length);
    }

    [Fact]
    public void Reading_past_the_end_of_an_array_throws_instead_of_reading_other_memory()
    {
        using var model = MjModel.FromXmlFile(TestModels.Humanoid);
        using var data = model.CreateData();

        Assert.Throws<IndexOutOfRangeException>(() => model.body_mass[model.nbody]);
        Assert.Throws<IndexOutOfRangeException>(() => data.qpos[model.nq]);
        Assert.Throws<IndexOutOfRangeException>(() => model.opt.gravity[3]);
    }

    [Fact]
    public void Option_and_visual_fields_read_and_write_the_model()
    {
        using var model = MjModel.FromXmlFile(TestModels.Humanoid);

        Assert.Equal(-9.81, model.opt.gravity[2], 12);
        model.opt.timestep = 0.001;
        model.vis.global.offwidth = 84;
        model.vis.quality.offsamples = 0;

        Assert.Equal(0.001, model.opt.timestep, 12);
        Assert.Equal(84, model.vis.global.offwidth);
        Assert.Equal(0, model.vis.quality.offsamples);
        Assert.True(model.stat.extent > 0);
    }

    [Fact]
    public void The_model_names_buffer_holds_the_body_names()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum);
        var start = model.name_bodyadr[model.BodyId("pole")];

        var name = System.Text.Encoding.UTF8.GetString(model.names[start..(start + 4)]);

        Assert.Equal("pole", name);
    }

    [Theory]
    [InlineData("mjmodel.h", "mjModel_", "mjModel")]
    [InlineData("mjmodel.h", "mjOption_", "mjOption")]
    [InlineData("mjmodel.h", "mjStatistic_", "mjStatistic")]
    [InlineData("mjdata.h", "mjData_", "mjData")]
    public void Every_field_in_the_installed_header_has_an_accessor(string header, string tag, string owner)
    {
        var text = File.ReadAllText(Path.Combine("/usr/include/mujoco", header));
        var body = Regex.Match(text, @"struct " + tag + @" \{(.*?)\n\};", RegexOptions.Singleline).Groups[1].Value;
        var declared = FieldName().Matches(body).Select(m => m.Groups[1].Value).ToList();
        var generated = MjLayout.Fields.Where(f => f.Struct == owner).Select(f => f.Field).ToHashSet();

        Assert.NotEmpty(declared);
        var missing = declared.Where(f => !generated.Contains(f)).ToList();
        Assert.True(missing.Count == 0, $"{owner} fields without an accessor: {string.Join(", ", missing)}");
    }

    // "  mjtNum*  qpos;   // ..." or "  int nq;" or "  mjtNum gravity[3];": the declared name before ';' or '['.
    [GeneratedRegex(@"^\s*(?:struct\s+)?[A-Za-z_][A-Za-z0-9_]*\s*\*?\s+\*?([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\])?\s*;", RegexOptions.Multiline)]
    private static partial Regex FieldName();
}
