namespace ArgoFlow.Agent.Leases;

/// <summary>
/// Leader election over a coordination.k8s.io/v1 Lease, with client-go's meaning of the three durations: another
/// replica may take the lease <see cref="Duration"/> after it last saw it change; the leader gives up (and stops
/// every task) when it could not renew for <see cref="RenewDeadline"/>, which is shorter, so two replicas never
/// work at the same time; every replica retries every <see cref="RetryPeriod"/>.
/// </summary>
public sealed record LeaseSettings
{
    public string Name { get; init; } = "argoflow-agent";

    public required string Namespace { get; init; }

    /// <summary>This replica's name in the lease (the pod name in a cluster).</summary>
    public required string Identity { get; init; }

    /// <summary>Default 10 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Default 7 s.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>Default 2 s.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Namespace) || string.IsNullOrWhiteSpace(Identity))
        {
            problems.Add("the lease needs a name, a namespace and an identity");
        }

        if (!(RetryPeriod > TimeSpan.Zero && RetryPeriod < RenewDeadline && RenewDeadline < Duration))
        {
            problems.Add($"lease durations must satisfy 0 < retry ({RetryPeriod.TotalSeconds:0.###} s) < renew deadline ({RenewDeadline.TotalSeconds:0.###} s) < duration ({Duration.TotalSeconds:0.###} s)");
        }

        return problems;
    }
}
