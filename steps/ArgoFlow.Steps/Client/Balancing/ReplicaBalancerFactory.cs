using Grpc.Net.Client.Balancer;

namespace ArgoFlow.Steps.Client.Balancing;

/// <summary>Creates <see cref="ReplicaBalancer"/> for a channel whose service config names <see cref="PolicyName"/>.</summary>
internal sealed class ReplicaBalancerFactory : LoadBalancerFactory
{
    public const string PolicyName = "argoflow_replicas";

    private readonly ReplicaLedger ledger;

    public ReplicaBalancerFactory(ReplicaLedger ledger) => this.ledger = ledger;

    public override string Name => PolicyName;

    public override LoadBalancer Create(LoadBalancerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ReplicaBalancer(options.Controller, options.LoggerFactory, ledger);
    }
}
