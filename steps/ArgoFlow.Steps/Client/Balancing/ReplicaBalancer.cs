using Grpc.Net.Client.Balancer;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Steps.Client.Balancing;

/// <summary>
/// The channel's load-balancing policy: Grpc.Net.Client's subchannel bookkeeping (one connection per resolved
/// address, reconnects with backoff, a resolver refresh when a connection fails) with <see cref="ReplicaPicker"/>
/// choosing among the ready ones.
/// </summary>
internal sealed class ReplicaBalancer : SubchannelsLoadBalancer
{
    private readonly ReplicaLedger ledger;

    public ReplicaBalancer(IChannelControlHelper controller, ILoggerFactory loggerFactory, ReplicaLedger ledger)
        : base(controller, loggerFactory)
    {
        this.ledger = ledger;
    }

    protected override SubchannelPicker CreatePicker(IReadOnlyList<Subchannel> readySubchannels) =>
        new ReplicaPicker(readySubchannels, ledger);
}
