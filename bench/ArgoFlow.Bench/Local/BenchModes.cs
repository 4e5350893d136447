using ArgoFlow.Core.Errors;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// The three ways the local bench runs the same pipeline. <see cref="Warm"/> is the product path (the step runner
/// over gRPC to warm services on loopback); <see cref="Cold"/> starts a process per step, as a container per step
/// would (without the cluster's pod scheduling and image pull); <see cref="InProc"/> calls the services' domain
/// classes in this process with no transport and no storage - the floor.
/// </summary>
public static class BenchModes
{
    public const string Warm = "warm";
    public const string Cold = "cold";
    public const string InProc = "inproc";

    /// <summary>Every mode, in the order the schedule interleaves them.</summary>
    public static IReadOnlyList<string> All { get; } = [Warm, Cold, InProc];

    /// <summary>Parses "warm,cold,inproc" (any order, no duplicates) or throws a usage error naming the bad entry.</summary>
    public static IReadOnlyList<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var modes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (modes.Length == 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, "--modes: list at least one mode", "use e.g. --modes warm,cold,inproc");
        }

        var unknown = modes.Where(m => !All.Contains(m, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--modes: unknown mode '{unknown[0]}'", $"known modes: {string.Join(", ", All)}");
        }

        var duplicate = modes.GroupBy(m => m, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--modes: '{duplicate.Key}' is listed twice");
        }

        return modes;
    }

    /// <summary>One line that says what a mode measures, for the table and the report.</summary>
    public static string Describe(string mode) => mode switch
    {
        Warm => "step runner -> gRPC on loopback -> warm services -> local directory store (the product path)",
        Cold => "a new argoflow process per step: start, load libraries and model, one call, exit (a container per step without the pod overhead)",
        InProc => "the services' domain classes called in this process: decode, process, encode in memory (no transport, no storage)",
        _ => mode,
    };
}
