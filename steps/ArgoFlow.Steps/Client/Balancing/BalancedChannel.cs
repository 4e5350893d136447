using Grpc.Net.Client;

namespace ArgoFlow.Steps.Client.Balancing;

/// <summary>A channel to every replica of one service target, with the ledger its picker and the step client share.</summary>
public sealed class BalancedChannel : IDisposable
{
    public BalancedChannel(ServiceTarget target, GrpcChannel channel, ReplicaLedger ledger)
    {
        Target = target;
        Channel = channel;
        Ledger = ledger;
    }

    public ServiceTarget Target { get; }

    public GrpcChannel Channel { get; }

    public ReplicaLedger Ledger { get; }

    public void Dispose() => Channel.Dispose();
}
