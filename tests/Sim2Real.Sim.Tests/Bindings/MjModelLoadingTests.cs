using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Tests.Bindings;

public class MjModelLoadingTests
{
    [Fact]
    public void Loads_the_humanoid_from_a_file_with_its_known_sizes()
    {
        using var model = MjModel.FromXmlFile(TestModels.Humanoid);

        Assert.Equal(28, model.nq);
        Assert.Equal(27, model.nv);
        Assert.Equal(21, model.nu);
        Assert.Equal(TestModels.Humanoid, model.Source);
        Assert.Equal(0.005, model.opt.timestep, 12);
    }

    [Fact]
    public void Loads_a_model_from_a_string_under_the_given_name()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum, "pendulum.xml");

        Assert.Equal("pendulum.xml", model.Source);
        Assert.Equal(1, model.nq);
        Assert.Equal(1, model.nkey);
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-s2r", "robot.xml");

        var e = Assert.Throws<MjModelLoadException>(() => MjModel.FromXmlFile(path));

        Assert.Equal(path, e.File);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_file_names_the_file_and_quotes_MuJoCo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"s2r-malformed-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<mujoco>\n  <worldbody>\n    <bodyy name=\"x\"/>\n  </worldbody>\n</mujoco>\n");
        try
        {
            var e = Assert.Throws<MjModelLoadException>(() => MjModel.FromXmlFile(path));

            Assert.Equal(path, e.File);
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("bodyy", e.EngineMessage, StringComparison.Ordinal);
            Assert.Contains("line 3", e.EngineMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unclosed_xml_in_a_string_is_reported_with_the_strings_name()
    {
        var e = Assert.Throws<MjModelLoadException>(() => MjModel.FromXmlString("<mujoco><worldbody>", "broken.xml"));

        Assert.StartsWith("broken.xml: ", e.Message, StringComparison.Ordinal);
        Assert.NotEmpty(e.EngineMessage);
    }

    [Fact]
    public void A_model_saved_as_mjb_loads_back_with_the_same_sizes_and_values()
    {
        var path = Path.Combine(Path.GetTempPath(), $"s2r-{Guid.NewGuid():N}.mjb");
        try
        {
            using var model = MjModel.FromXmlFile(TestModels.Humanoid);
            model.SaveBinary(path);

            using var loaded = MjModel.FromBinaryFile(path);

            Assert.Equal((model.nq, model.nv, model.nu, model.nbody), (loaded.nq, loaded.nv, loaded.nu, loaded.nbody));
            Assert.True(model.body_mass.SequenceEqual(loaded.body_mass));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_corrupt_mjb_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"s2r-{Guid.NewGuid():N}.mjb");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);
        try
        {
            var e = Assert.Throws<MjModelLoadException>(() => MjModel.FromBinaryFile(path));

            Assert.Equal(path, e.File);
            Assert.Contains("header", e.EngineMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_model_copy_is_independent_of_the_original()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum);
        using var copy = model.Copy();
        var pole = model.BodyId("pole");

        copy.body_mass[pole] = 5;

        Assert.Equal(1, model.body_mass[pole], 12);
        Assert.Equal(5, copy.body_mass[pole], 12);
    }

    [Fact]
    public void Set_const_recomputes_subtree_mass_after_a_mass_change()
    {
        using var model = MjModel.FromXmlString(TestModels.Pendulum);
        using var data = model.CreateData();
        var pole = model.BodyId("pole");

        model.body_mass[pole] = 3;
        model.SetConst(data);

        Assert.Equal(3, model.body_subtreemass[0], 12);
    }
}
