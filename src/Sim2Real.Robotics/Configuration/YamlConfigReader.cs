using Sim2Real.Core;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sim2Real.Robotics.Configuration;

/// <summary>
/// Reads snake_case YAML into typed config classes. Unknown fields and malformed values are errors that name the
/// file, line and field: a silently ignored typo in a randomization range is worse than a refusal to start.
/// </summary>
public static class YamlConfigReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEnumNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new IntervalYamlConverter())
        .Build();

    public static T ReadFile<T>(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidConfigException(path, "(file)", "file not found");
        }

        return ReadText<T>(File.ReadAllText(path), path);
    }

    public static T ReadText<T>(string yaml, string source)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml)
                ?? throw new InvalidConfigException(source, "(document)", "the document is empty");
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message;
            var problem = inner is null ? e.Message : $"{e.Message} ({inner})";
            throw new InvalidConfigException(source, $"line {e.Start.Line}, column {e.Start.Column}", problem, e);
        }
    }
}
