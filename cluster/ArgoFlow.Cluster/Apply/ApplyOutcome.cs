namespace ArgoFlow.Cluster.Apply;

/// <summary>One applied object: <c>workflowtemplate.argoproj.io/NAME created</c>.</summary>
public sealed record ApplyOutcome(string Kind, string Group, string Namespace, string Name, ApplyAction Action)
{
    public override string ToString()
    {
        var kind = Kind.ToLowerInvariant() + (Group.Length == 0 ? "" : "." + Group);
        return $"{kind}/{Name} {Action.ToString().ToLowerInvariant()}";
    }
}
