namespace Sim2Real.Cli.Commands.Sim;

/// <summary>A robot name has no robots/&lt;name&gt;/scene.xml; the message lists the robots that exist.</summary>
internal sealed class RobotNotFoundException : Exception
{
    public RobotNotFoundException(string message)
        : base(message)
    {
    }

    public RobotNotFoundException()
    {
    }

    public RobotNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
