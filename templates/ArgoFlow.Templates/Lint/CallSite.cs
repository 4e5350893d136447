using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>One step of a steps template or one task of a DAG, as an <see cref="ICallRule"/> sees it.</summary>
internal sealed record CallSite(SpecReadContext Context, LintDocument Document, YMapping Call, string Path, bool InDag)
{
    public void Error(YNode? node, string key, string message) =>
        Context.Error(node ?? Call, key.Length == 0 ? Path : Path + "." + key, message);
}
