using System.Globalization;
using Grpc.Net.Client.Balancer;

namespace ArgoFlow.Steps.Client.Balancing;

/// <summary>
/// Round robin over the ready replicas (each attempt goes to the next one), except that an attempt of a call skips
/// the replicas that already refused that call while another one is ready - so a retry after UNAVAILABLE or
/// RESOURCE_EXHAUSTED lands on a different pod even when other calls advance the rotation in between.
/// </summary>
internal sealed class ReplicaPicker : SubchannelPicker
{
    private readonly IReadOnlyList<Subchannel> ready;
    private readonly ReplicaLedger ledger;

    public ReplicaPicker(IReadOnlyList<Subchannel> ready, ReplicaLedger ledger)
    {
        this.ready = ready;
        this.ledger = ledger;
    }

    public override PickResult Pick(PickContext context)
    {
        var id = CallId(context);
        var avoid = ledger.Avoid(id);
        var first = ledger.NextTurn();
        Subchannel? chosen = null;
        var untried = 0;
        for (var i = 0; i < ready.Count; i++)
        {
            var candidate = ready[(int)((first + i) % ready.Count)];
            if (!avoid.Contains(Key(candidate)))
            {
                untried++;
                chosen ??= candidate;
            }
        }

        // Every ready replica refused this call already: plain round robin (the client's backoff paces it).
        chosen ??= ready[(int)(first % ready.Count)];
        ledger.Picked(id, Key(chosen), Math.Max(0, untried - 1));
        return PickResult.ForSubchannel(chosen);
    }

    /// <summary>host:port of a replica (the address a subchannel is connected to).</summary>
    public static string Key(Subchannel subchannel)
    {
        var endpoint = subchannel.CurrentAddress?.EndPoint;
        return endpoint is null ? subchannel.ToString() ?? "?" : $"{endpoint.Host}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string? CallId(PickContext context) =>
        context.Request is { } request && request.Headers.TryGetValues(ReplicaLedger.CallIdHeader, out var values)
            ? values.FirstOrDefault()
            : null;
}
