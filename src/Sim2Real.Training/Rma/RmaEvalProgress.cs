namespace Sim2Real.Training.Rma;

/// <summary>Where <c>eval rma</c> stands: parts done of its table (world x policy) and ẑ's tracking run, and the part running.</summary>
public sealed record RmaEvalProgress(int Done, int Total, string Part)
{
    public double Fraction => Total > 0 ? (double)Done / Total : 1;
}
