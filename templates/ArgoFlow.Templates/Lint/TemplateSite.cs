using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Lint;

/// <summary>One template as an <see cref="ITemplateRule"/> sees it: <paramref name="Type"/> is its single template type, or null.</summary>
internal sealed record TemplateSite(SpecReadContext Context, LintDocument Document, YMapping Template, string Path, string? Type)
{
    /// <summary>validate.go's IsLeaf: the types that do work themselves rather than call other templates.</summary>
    public bool IsLeaf => Type is "container" or "containerSet" or "script" or "resource" or "data" or "http" or "plugin";

    /// <summary>validate.go's IsPodType: the types that run a pod of their own.</summary>
    public bool IsPodType => Type is "container" or "containerSet" or "script" or "resource" or "data";

    public bool Has(string key) => Template[key] is not null and not YScalar { IsNull: true };

    public void Error(YNode? node, string key, string message) => Context.Error(node ?? Template, Path + "." + key, message);
}
