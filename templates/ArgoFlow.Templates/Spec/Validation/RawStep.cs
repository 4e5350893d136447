using ArgoFlow.Core.Catalog;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// One step as written, before dependencies are resolved: the nodes are kept so later checks (graph, references)
/// can still point at the right line.
/// </summary>
internal sealed class RawStep(int index, YMapping node)
{
    public int Index { get; } = index;

    public YMapping Node { get; } = node;

    public string Path => SpecReadContext.Index("spec.steps", Index);

    public string Name { get; set; } = string.Empty;

    public YNode? NameNode { get; set; }

    public StepType? Type { get; set; }

    /// <summary>Null when the step has no <c>dependsOn</c> (it then follows the previous step).</summary>
    public List<(string Name, YScalar Node, int Index)>? DependsOn { get; set; }

    public YNode? DependsOnNode { get; set; }

    public List<(string Port, string Text, YScalar Node)> Inputs { get; } = [];

    public Dictionary<string, object?> With { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, YNode> WithNodes { get; } = new(StringComparer.Ordinal);

    public YNode? WithNode { get; set; }

    public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

    public int TimeoutSeconds { get; set; }
}
