using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Tests.Calibration;

public sealed class ImageGlobTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-glob-").FullName;

    public ImageGlobTests()
    {
        foreach (var name in new[] { "left01.jpg", "left02.jpg", "left07.jpg", "left1x.jpg", "right01.jpg" })
        {
            File.WriteAllText(Path.Combine(_dir, name), "");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] Names(string pattern) => [.. ImageGlob.Expand(Path.Combine(_dir, pattern)).Select(Path.GetFileName)!];

    [Fact]
    public void A_character_range_matches_as_the_shell_does()
    {
        Assert.Equal(["left01.jpg", "left02.jpg"], Names("left0[1-6].jpg"));
    }

    [Fact]
    public void A_negated_class_excludes_its_members()
    {
        Assert.Equal(["left07.jpg"], Names("left0[!1-6].jpg"));
    }

    [Fact]
    public void A_class_of_listed_characters_and_wildcards_combine()
    {
        Assert.Equal(["left01.jpg", "left1x.jpg", "right01.jpg"], Names("[lr]*[1x].jpg"));
    }

    [Fact]
    public void An_unclosed_class_is_refused_naming_the_pattern()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageGlob.Expand(Path.Combine(_dir, "left0[1-6.jpg")));

        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_as_the_pattern_asks_for_a_pattern_inside_it()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageGlob.Expand(_dir));

        Assert.Contains("is a folder; give a pattern for the images in it, such as " + Path.Combine(_dir, "*.jpg"), error.Message, StringComparison.Ordinal);
    }
}
