using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Policies;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Robotics.Spec;

namespace Sim2Real.Learning.Tests.Policies;

/// <summary>
/// One DrQ-v2 state policy for arm6's reach task, written as our policy file, then exported from the same weights by
/// Debian's python3 torch as Isaac Lab and legged_gym export theirs (python/policy_export.py), each with its sidecar;
/// plus small models that do not fit their sidecars. Built once for every test in the collection.
/// </summary>
public sealed class ExportedPolicies : IDisposable
{
    public const int Observations = 64;
    private readonly TempDirectory _dir = new();

    public ExportedPolicies()
    {
        Robot = RobotSpecFile.Load(Path.Combine(RepositoryRoot(), "robots", "arm6"));
        Layout = ObservationLayout.Create(ObservationLayouts.Reach, Robot.Joints.Count);
        Actions = Robot.Joints.Count;
        Bundle = _dir.File(PolicyFile.FileName);
        using (var agent = new DrQV2Agent(new DrQV2Config { FeatureDim = 16, HiddenDim = 32 }, [Layout.Size], Actions))
        {
            PolicyFile.Save(Bundle, Manifest(), agent);
        }

        // Spread wide enough that the trunk's LayerNorm and both ReLUs see varied inputs and tanh is not saturated flat.
        var random = new Random(11);
        State = new float[Observations * Layout.Size];
        for (var i = 0; i < State.Length; i++)
        {
            State[i] = (float)((random.NextDouble() * 2 - 1) * 3);
        }

        var obs = _dir.File("obs.safetensors");
        SafetensorsWriter.Write(obs, [SafeTensor.Create<float>("obs", [Observations, Layout.Size], State)]);
        PythonScript.Run("policy_export.py", "export", Bundle, obs, _dir.Path);
        var broken = _dir.File("broken");
        Directory.CreateDirectory(broken);
        PythonScript.Run("policy_export.py", "broken", broken, Layout.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), Actions.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using (var torch = SafetensorsFile.Open(_dir.File("actions_torch.safetensors")))
        {
            TorchActions = torch["action"].AsSpan<float>().ToArray();
        }

        foreach (var onnx in new[] { Onnx, OnnxDynamicBatch })
        {
            File.WriteAllText(PolicySidecarFile.PathFor(onnx), Arm6Sidecar.Write(Robot, ("obs", "actions")));
        }

        foreach (var script in new[] { TorchScript, TorchScriptTraced })
        {
            File.WriteAllText(PolicySidecarFile.PathFor(script), Arm6Sidecar.Write(Robot, null));
        }

        foreach (var model in Directory.GetFiles(broken, "*", SearchOption.AllDirectories))
        {
            var isOnnx = model.EndsWith(".onnx", StringComparison.Ordinal);
            File.WriteAllText(PolicySidecarFile.PathFor(model), Arm6Sidecar.Write(Robot, isOnnx ? ("obs", "actions") : null));
        }
    }

    public RobotSpec Robot { get; }

    public ObservationLayout Layout { get; }

    public int Actions { get; }

    public string Bundle { get; }

    /// <summary>As Isaac Lab exports: input 'obs', output 'actions', batch 1, opset 11.</summary>
    public string Onnx => _dir.File("policy.onnx");

    public string OnnxDynamicBatch => _dir.File("policy_dynamic.onnx");

    /// <summary>As legged_gym exports: torch.jit.script.</summary>
    public string TorchScript => _dir.File("policy_1.pt");

    public string TorchScriptTraced => _dir.File("policy_traced.pt");

    /// <summary>[Observations, state] row-major.</summary>
    public float[] State { get; }

    /// <summary>PyTorch's own actions for <see cref="State"/>, [Observations, actions].</summary>
    public float[] TorchActions { get; }

    /// <summary>A model that does not fit its sidecar (made by policy_export.py broken), by file name.</summary>
    public string Broken(string name) =>
        Path.Combine(_dir.Path, "broken", name.EndsWith(".onnx", StringComparison.Ordinal) ? "onnx" : "torchscript", name);

    /// <summary>An expected message with {D} and {A} standing for the state and action sizes.</summary>
    public string Sizes(string text) => text
        .Replace("{D+1}", (Layout.Size + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{A+1}", (Actions + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{D}", Layout.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{A}", Actions.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public Observation Row(int i) => new(State.AsSpan(i * Layout.Size, Layout.Size).ToArray());

    public void Dispose() => _dir.Dispose();

    private PolicyManifest Manifest() => new()
    {
        Robot = PolicyRobot.From(Robot),
        Timing = new PolicyTiming { ControlPeriodS = Robot.Control.PeriodS, ActionRepeat = Robot.Control.ActionRepeat },
        Observation = PolicyObservation.From(Layout, camera: null),
        ActionSize = Actions,
        Agent = new PolicyAgent
        {
            Kind = "drqv2",
            ObsShape = [Layout.Size],
            FeatureDim = 16,
            HiddenDim = 32,
            Networks = [new PolicyNetwork("encoder", "encoder.", "observation encoder"), new PolicyNetwork("actor", "actor.", "actor (mean action)")],
        },
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "robots")) && File.Exists(Path.Combine(dir.FullName, "Sim2Real.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no repository root (robots/ and Sim2Real.sln) above the test assembly");
    }
}
