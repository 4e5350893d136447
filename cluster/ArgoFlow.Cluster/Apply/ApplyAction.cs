namespace ArgoFlow.Cluster.Apply;

/// <summary>What apply did to one object, printed like kubectl: created, configured (updated) or unchanged.</summary>
public enum ApplyAction
{
    Created,
    Updated,
    Unchanged,
}
