namespace Sim2Real.Learning.Tests.Rma;

/// <summary>Runs python/rma_reference.py (RMA's μ and φ in torch) with Debian's /usr/bin/python3.</summary>
internal static class RmaPython
{
    public static string Run(params string[] args) => PythonScript.Run("rma_reference.py", args);
}
