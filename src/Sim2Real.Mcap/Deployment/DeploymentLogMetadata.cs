namespace Sim2Real.Mcap.Deployment;

/// <summary>
/// The keys of the Metadata record a deployment log carries about its run, under the name <see cref="Name"/>, as
/// <c>deploy</c> writes it (docs/runtime.md): which robot ran which policy file, in which simulated world and task if
/// any, from which commit on which host. <c>replay</c> reads it; a SHA-256 of the policy file, when present, tells
/// replay policy that a given file holds the logged policy's bytes.
/// </summary>
public static class DeploymentLogMetadata
{
    public const string Name = "deployment";

    /// <summary>The robot's name as robot.yaml gives it (arm6, quad12).</summary>
    public const string Robot = "robot";

    /// <summary>The simulated robot's task (reach, push, walk), empty on a real robot: it chooses the robot's scene.</summary>
    public const string Task = "simulator_task";

    /// <summary>The policy file the run loaded, as the deployment named it.</summary>
    public const string Policy = "policy";

    /// <summary>Lower-case hex SHA-256 of the policy file's bytes (optional).</summary>
    public const string PolicySha256 = "policy_sha256";

    /// <summary>The <see cref="PolicySha256"/> value of the file at <paramref name="path"/>: what deploy writes and replay compares.</summary>
    public static string PolicySha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>For a simulated robot, the world <c>sim serve --world</c> served (nominal, real_like); empty on a real robot.</summary>
    public const string World = "simulator_world";

    public const string GitCommit = "git_commit";

    public const string Host = "host";
}
