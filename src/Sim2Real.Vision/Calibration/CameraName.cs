using Sim2Real.Core;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// Camera names as ROS's camera_info_manager accepts them (validateName): letters, digits and '_', nothing else.
/// The name becomes a YAML value and, in ROS, part of file URLs; anything more is refused rather than escaped.
/// </summary>
public static class CameraName
{
    public static bool IsValid(string? name) => !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <exception cref="InvalidConfigException">The name is empty or holds other characters; names <paramref name="source"/> and <paramref name="field"/>.</exception>
    public static string Validate(string? name, string source, string field)
    {
        if (!IsValid(name))
        {
            var shown = name is null ? "nothing" : $"'{name.ReplaceLineEndings("\\n")}'";
            throw new InvalidConfigException(source, field, $"a camera name is letters, digits and '_' only (as ROS's camera_info_manager requires), got {shown}");
        }

        return name!;
    }
}
