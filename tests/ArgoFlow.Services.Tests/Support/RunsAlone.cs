namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// Tests that measure the process's own CPU time run in this collection: alone, after the parallel tests, so no
/// other test's work is counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
