namespace ArgoFlow.Cluster.Kube;

/// <summary>One <c>details.causes[]</c> entry of a 422 Status: which field and what is wrong with it.</summary>
public sealed record KubeStatusCause(string? Field, string? Reason, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Field) ? Message : $"{Field}: {Message}";
}
