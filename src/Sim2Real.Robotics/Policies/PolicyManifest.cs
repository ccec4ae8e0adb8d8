using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sim2Real.Robotics.Policies;

/// <summary>
/// What a policy file says about itself, stored as JSON under the <see cref="MetadataKey"/> safetensors metadata
/// key: the robot it drives (by name, content hash and joints), the timing, the observation layout and camera
/// preprocessing, the action, the networks and where they came from. Everything needed to run it safely; a
/// mismatch is refused, not guessed (see <see cref="PolicyCompatibility"/>). Several networks and statistics
/// tensors share one file, each under its own name prefix.
/// </summary>
public sealed record PolicyManifest
{
    public const string MetadataKey = "sim2real.policy";
    public const string CurrentSchema = "sim2real.policy/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public string Schema { get; init; } = CurrentSchema;

    public required PolicyRobot Robot { get; init; }

    public required PolicyTiming Timing { get; init; }

    public required PolicyObservation Observation { get; init; }

    public required int ActionSize { get; init; }

    public required PolicyAgent Agent { get; init; }

    public PolicyProvenance? Training { get; init; }

    public string ToJson(bool indented = false) => JsonSerializer.Serialize(this, indented ? Indented : Json);

    /// <exception cref="InvalidDataException">Not a manifest of a schema this build reads; names <paramref name="source"/>.</exception>
    public static PolicyManifest FromJson(string json, string source)
    {
        PolicyManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PolicyManifest>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: metadata '{MetadataKey}' is not a valid policy manifest: {e.Message}", e);
        }

        if (manifest is null)
        {
            throw new InvalidDataException($"{source}: metadata '{MetadataKey}' is empty");
        }

        if (manifest.Schema != CurrentSchema)
        {
            throw new InvalidDataException($"{source}: policy manifest schema '{manifest.Schema}' is not one this build reads ({CurrentSchema})");
        }

        return manifest;
    }
}
