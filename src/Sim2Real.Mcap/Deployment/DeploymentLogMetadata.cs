namespace Sim2Real.Mcap.Deployment;

/// <summary>
/// The Metadata record a deployment log carries about its run, under the name <see cref="Name"/>: which robot and task
/// ran, which policy file (and its SHA-256, so a replay knows it holds the same bytes), in which simulated world if any,
/// from which commit on which host. The recorder writes it; <c>replay</c> and <c>log info</c> read it.
/// </summary>
public static class DeploymentLogMetadata
{
    public const string Name = "deployment";

    /// <summary>The robot's name as robot.yaml gives it (arm6, quad12).</summary>
    public const string Robot = "robot";

    /// <summary>The task the policy performs (reach, push, walk): it chooses the robot's scene.</summary>
    public const string Task = "task";

    /// <summary>The policy file the run loaded, as the deployment named it.</summary>
    public const string Policy = "policy";

    /// <summary>Lower-case hex SHA-256 of the policy file's bytes.</summary>
    public const string PolicySha256 = "policy_sha256";

    /// <summary>For a simulated robot, the world <c>sim serve --world</c> served (nominal, real_like).</summary>
    public const string World = "world";

    public const string GitCommit = "git_commit";

    public const string Host = "host";
}
