namespace Sim2Real.Robotics.Spec;

/// <summary>ROS 2's rule for one name token (a topic or frame component): [A-Za-z_][A-Za-z0-9_]*.</summary>
public static class RosNames
{
    public static bool IsValidToken(string name) =>
        !string.IsNullOrEmpty(name)
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
