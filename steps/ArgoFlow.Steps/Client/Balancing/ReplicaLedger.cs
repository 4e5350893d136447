using System.Collections.Concurrent;
using System.Globalization;

namespace ArgoFlow.Steps.Client.Balancing;

/// <summary>
/// What the step client and the picker of one channel tell each other about a call in progress: the picker writes
/// which replica each attempt went to, the client marks a replica that refused the attempt, and the picker then
/// avoids it for that call's next attempts while another replica is ready. Calls are keyed by an id the client
/// sends as the <see cref="CallIdHeader"/> metadata entry (the picker sees only the HTTP request). Also counts the
/// attempts each replica received, for the client's own report of how calls were spread.
/// </summary>
public sealed class ReplicaLedger
{
    /// <summary>The metadata key that carries the call id to the picker (and, harmlessly, to the service's logs).</summary>
    public const string CallIdHeader = "argoflow-call-id";

    private static readonly HashSet<string> Empty = [];
    private readonly ConcurrentDictionary<string, CallRecord> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> picks = new(StringComparer.Ordinal);
    private long nextId;
    private long turn;

    /// <summary>Attempts sent to each replica (host:port) since the channel was created.</summary>
    public IReadOnlyDictionary<string, long> Picks => picks;

    /// <summary>
    /// The round-robin counter. It lives here, not in the picker, because a new picker is built whenever a replica
    /// joins or leaves, and restarting the rotation each time would favour the first replica.
    /// </summary>
    internal long NextTurn() => Interlocked.Increment(ref turn);

    /// <summary>Registers a call; pair with <see cref="End"/>.</summary>
    public string Begin()
    {
        var id = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        calls[id] = new CallRecord();
        return id;
    }

    public void End(string id) => calls.TryRemove(id, out _);

    /// <summary>The replica the call's latest attempt went to, or null when no replica was picked (none was ready).</summary>
    public string? LastReplica(string id) => calls.TryGetValue(id, out var record) ? record.Last : null;

    /// <summary>
    /// Marks the replica of the call's latest attempt as having refused it. True when another replica was ready at
    /// that pick and has not refused this call yet - the next attempt goes there at once.
    /// </summary>
    public bool Refused(string id)
    {
        if (!calls.TryGetValue(id, out var record))
        {
            return false;
        }

        lock (record)
        {
            if (record.Last is not { } last)
            {
                return false;
            }

            record.Refused.Add(last);
            record.Last = null;
            return record.Alternatives > 0;
        }
    }

    /// <summary>Called by the picker: the replicas to skip for this call (empty when none or unknown).</summary>
    internal IReadOnlySet<string> Avoid(string? id)
    {
        if (id is null || !calls.TryGetValue(id, out var record))
        {
            return Empty;
        }

        lock (record)
        {
            return record.Refused.Count == 0 ? Empty : new HashSet<string>(record.Refused, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Called by the picker after it chose <paramref name="replica"/>; <paramref name="alternatives"/> is how many
    /// other ready replicas this call has not been refused by.
    /// </summary>
    internal void Picked(string? id, string replica, int alternatives)
    {
        picks.AddOrUpdate(replica, 1, (_, n) => n + 1);
        if (id is not null && calls.TryGetValue(id, out var record))
        {
            lock (record)
            {
                record.Last = replica;
                record.Alternatives = alternatives;
            }
        }
    }

    private sealed class CallRecord
    {
        public HashSet<string> Refused { get; } = new(StringComparer.Ordinal);

        public string? Last { get; set; }

        public int Alternatives { get; set; }
    }
}
