namespace Sim2Real.Learning.Tests.DrQV2;

/// <summary>Runs python/drqv2_reference.py (the reference agent in torch) with Debian's /usr/bin/python3.</summary>
internal static class ReferencePython
{
    public static string Run(params string[] args) => PythonScript.Run("drqv2_reference.py", args);
}
