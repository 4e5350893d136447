using System.Text.Json.Nodes;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>A change recorded by the store: ADDED, MODIFIED or DELETED, at a resourceVersion.</summary>
public sealed record FakeEvent(long ResourceVersion, FakeResource Resource, string? Namespace, string Type, JsonObject Body)
{
    public string Name => (string)Body["metadata"]!["name"]!;
}
