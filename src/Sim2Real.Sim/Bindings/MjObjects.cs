namespace Sim2Real.Sim.Bindings;

/// <summary>Words and counts for MuJoCo object kinds, for name lookups and their error messages.</summary>
internal static class MjObjects
{
    public static string Describe(MjtObj kind) => kind switch
    {
        MjtObj.mjOBJ_BODY or MjtObj.mjOBJ_XBODY => "body",
        MjtObj.mjOBJ_JOINT => "joint",
        MjtObj.mjOBJ_GEOM => "geom",
        MjtObj.mjOBJ_SITE => "site",
        MjtObj.mjOBJ_CAMERA => "camera",
        MjtObj.mjOBJ_LIGHT => "light",
        MjtObj.mjOBJ_ACTUATOR => "actuator",
        MjtObj.mjOBJ_SENSOR => "sensor",
        MjtObj.mjOBJ_KEY => "keyframe",
        MjtObj.mjOBJ_TENDON => "tendon",
        MjtObj.mjOBJ_MESH => "mesh",
        MjtObj.mjOBJ_MATERIAL => "material",
        MjtObj.mjOBJ_TEXTURE => "texture",
        MjtObj.mjOBJ_EQUALITY => "equality",
        MjtObj.mjOBJ_HFIELD => "height field",
        _ => kind.ToString(),
    };

    /// <summary>How many objects of <paramref name="kind"/> the model has.</summary>
    public static int Count(MjModel model, MjtObj kind) => kind switch
    {
        MjtObj.mjOBJ_BODY or MjtObj.mjOBJ_XBODY => model.nbody,
        MjtObj.mjOBJ_JOINT => model.njnt,
        MjtObj.mjOBJ_GEOM => model.ngeom,
        MjtObj.mjOBJ_SITE => model.nsite,
        MjtObj.mjOBJ_CAMERA => model.ncam,
        MjtObj.mjOBJ_LIGHT => model.nlight,
        MjtObj.mjOBJ_ACTUATOR => model.nu,
        MjtObj.mjOBJ_SENSOR => model.nsensor,
        MjtObj.mjOBJ_KEY => model.nkey,
        MjtObj.mjOBJ_TENDON => model.ntendon,
        MjtObj.mjOBJ_MESH => model.nmesh,
        MjtObj.mjOBJ_MATERIAL => model.nmat,
        MjtObj.mjOBJ_TEXTURE => model.ntex,
        MjtObj.mjOBJ_EQUALITY => model.neq,
        MjtObj.mjOBJ_HFIELD => model.nhfield,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no count for this object kind"),
    };
}
