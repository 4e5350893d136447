using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Agent.Patching;

/// <summary>The results of one TaskSet waiting for a patch, and the loop sending them (guarded by locking the batch).</summary>
internal sealed class PatchBatch
{
    public Dictionary<string, (NodeResult Result, long SeenAt)> Pending { get; } = new(StringComparer.Ordinal);

    public Task? Flusher { get; set; }

#pragma warning disable CA1051 // Read with Volatile.Read outside the lock.
    public bool Forgotten;
#pragma warning restore CA1051
}
