using System.Xml.Linq;
using Sim2Real.Runtime.Tests.Support;

namespace Sim2Real.Runtime.Tests.Architecture;

/// <summary>
/// The runtime reaches a robot, physical or simulated, only through ROS 2 topics: if it could call the simulator,
/// simulation-only state could leak into what a real robot is commanded.
/// </summary>
public sealed class ProjectReferenceTests
{
    private static readonly string[] Forbidden = ["Sim2Real.Sim", "Sim2Real.SimRobot", "Sim2Real.Training", "Sim2Real.Cli"];

    [Fact]
    public void Runtime_never_references_the_simulator_directly_or_through_another_project()
    {
        var start = Path.Combine(Repo.Root, "src", "Sim2Real.Runtime", "Sim2Real.Runtime.csproj");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Project, string Chain)>();
        pending.Push((Path.GetFullPath(start), "Sim2Real.Runtime"));
        while (pending.Count > 0)
        {
            var (project, chain) = pending.Pop();
            if (!seen.Add(project))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                var name = Path.GetFileNameWithoutExtension(path);
                Assert.False(Forbidden.Contains(name), $"{chain} -> {name}: the runtime must not reach the simulator (or anything above it) through project references");
                pending.Push((path, $"{chain} -> {name}"));
            }
        }

        Assert.Contains(seen, p => p.EndsWith("Sim2Real.Ros.csproj", StringComparison.Ordinal));
    }

    [Fact]
    public void Runtime_assembly_loads_no_simulator_assembly()
    {
        var referenced = typeof(Runtime.Pipeline.PolicyLoop).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, name => Forbidden.Contains(name));
        Assert.Contains("Sim2Real.Ros", referenced);
    }
}
