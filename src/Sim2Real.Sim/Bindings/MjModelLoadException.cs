namespace Sim2Real.Sim.Bindings;

/// <summary>A model could not be loaded. Carries the file (or "&lt;string&gt;" source) and MuJoCo's own error text.</summary>
public sealed class MjModelLoadException : MuJoCoException
{
    public MjModelLoadException(string file, string engineMessage)
        : base($"{file}: MuJoCo could not load the model: {engineMessage}")
    {
        File = file;
        EngineMessage = engineMessage;
    }

    /// <summary>The file that failed (absolute path), or the name given to a model loaded from a string.</summary>
    public string File { get; }

    /// <summary>MuJoCo's error text, e.g. "XML Error: Schema violation: unrecognized element ... Element 'bodyy', line 3".</summary>
    public string EngineMessage { get; }
}
