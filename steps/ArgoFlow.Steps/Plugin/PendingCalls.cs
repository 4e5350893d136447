using System.Collections.Concurrent;

namespace ArgoFlow.Steps.Plugin;

/// <summary>
/// Calls that outlived one request. When a call takes longer than the requeue threshold the sidecar answers
/// Running with a requeue; Argo asks again for the same node (same workflow, same substituted template) and gets
/// the result once it is there. Results nobody collects are dropped after <see cref="Retention"/>.
/// </summary>
internal sealed class PendingCalls
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;

    public PendingCalls(TimeProvider clock) => this.clock = clock;

    public static TimeSpan Retention { get; } = TimeSpan.FromMinutes(10);

    public int Count => entries.Count;

    /// <summary>
    /// The call a previous request left running for this node, if any. The entry stays until the caller has the
    /// call's reply in hand and calls <see cref="Collected"/>: a requeued request may still be waiting when the
    /// call finishes, and removing only calls that were already finished at lookup left those behind, so the next
    /// retry attempt (same workflow, same template) was answered with this attempt's result without a call.
    /// </summary>
    public bool TryGet(string key, out Task<PluginReply> call)
    {
        Sweep();
        if (entries.TryGetValue(key, out var entry))
        {
            call = entry.Call;
            return true;
        }

        call = Task.FromResult(PluginReply.NotMine);
        return false;
    }

    /// <summary>The reply of <paramref name="call"/> went out: a later request for the key makes a new call.</summary>
    public void Collected(string key, Task<PluginReply> call)
    {
        if (entries.TryGetValue(key, out var entry) && ReferenceEquals(entry.Call, call))
        {
            entries.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    public void Add(string key, Task<PluginReply> call) => entries[key] = new Entry(call, clock.GetUtcNow());

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in entries)
        {
            if (entry.Call.IsCompleted && now - entry.Added > Retention)
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(Task<PluginReply> Call, DateTimeOffset Added);
}
