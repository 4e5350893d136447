using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec.Validation;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// <c>--agent-namespaces</c>: one agent for every namespace (<see cref="All"/>: <c>argoflow agent -A</c> with a
/// ClusterRole and ClusterRoleBinding), or one agent for the listed namespaces (<c>-n</c> each, a Role and RoleBinding
/// in each). Without the flag (<see cref="GeneratorOptions.AgentNamespaces"/> null) every pipeline namespace gets its
/// own agent. Exactly one agent serves a namespace either way: two would each win their own Lease and run its tasks twice.
/// </summary>
/// <param name="Namespaces">The served namespaces, the agent's home first; empty for all.</param>
public sealed record AgentScope(IReadOnlyList<string> Namespaces)
{
    public const string AllKeyword = "all";

    public static AgentScope AllNamespaces { get; } = new([]);

    public bool All => Namespaces.Count == 0;

    /// <summary>"all", or namespaces separated by commas (the first is where the agent runs).</summary>
    public static AgentScope Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim() == AllKeyword)
        {
            return AllNamespaces;
        }

        var names = text.Split(',', StringSplitOptions.TrimEntries).ToList();
        // Each problem names the namespace itself ("'Bad_NS' is not a valid name: ..."), except an empty one.
        var problems = names.Select(n => Names.CheckResourceName(n) is { } p ? (n.Length == 0 ? "a namespace " + p : p) : null)
            .OfType<string>().ToList();
        if (problems.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, $"--agent-namespaces '{text}': {string.Join("; ", problems)}",
                "give all, or namespaces separated by commas: --agent-namespaces argo,media");
        }

        return new AgentScope(names.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Where the agent runs: the first listed namespace; with all, the first pipeline namespace in sort order.</summary>
    public string Home(IEnumerable<string> pipelineNamespaces) =>
        All ? pipelineNamespaces.Order(StringComparer.Ordinal).First() : Namespaces[0];

    /// <summary>The flag as given back in messages.</summary>
    public override string ToString() => All ? AllKeyword : string.Join(",", Namespaces);
}
