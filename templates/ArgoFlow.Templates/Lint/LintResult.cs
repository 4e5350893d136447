using ArgoFlow.Core.Errors;

namespace ArgoFlow.Templates.Lint;

/// <summary>What <see cref="ManifestLinter"/> found in one file: the kinds it checked and every problem.</summary>
public sealed record LintResult(string File, IReadOnlyList<string> Kinds, IReadOnlyList<Diagnostic> Problems)
{
    public bool Ok => Problems.Count == 0;
}
