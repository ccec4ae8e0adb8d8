namespace Sim2Real.Runtime.Pipeline;

/// <summary>
/// A sample the runtime cannot use: joint_states with unknown or missing joints, an image of the wrong encoding or
/// size, a camera_info of another size, a non-finite reading. The message names the topic. At start-up it refuses
/// the deployment; once running it trips the input's rule. Either way nothing derived from it is ever commanded.
/// </summary>
public sealed class RuntimeInputException : Exception
{
    public RuntimeInputException(string topic, string problem)
        : base($"{topic}: {problem}")
    {
        Topic = topic;
        Problem = problem;
    }

    public RuntimeInputException(string topic, string problem, Exception inner)
        : base($"{topic}: {problem}", inner)
    {
        Topic = topic;
        Problem = problem;
    }

    public string Topic { get; }

    public string Problem { get; }
}
