using System.Reflection;
using System.Runtime.InteropServices;

namespace ArgoFlow.Bench.Reporting;

/// <summary>Where a benchmark ran: machine, OS, cores, runtime and ArgoFlow versions, and the cluster if any.</summary>
public sealed record BenchEnvironment
{
    public required string Machine { get; init; }

    public required string Os { get; init; }

    public int Cores { get; init; }

    public required string Runtime { get; init; }

    public required string Argoflow { get; init; }

    public ClusterEnvironment? Cluster { get; init; }

    public static BenchEnvironment Capture(ClusterEnvironment? cluster = null) => new()
    {
        Machine = System.Environment.MachineName,
        Os = RuntimeInformation.OSDescription,
        Cores = System.Environment.ProcessorCount,
        Runtime = RuntimeInformation.FrameworkDescription,
        Argoflow = (Assembly.GetEntryAssembly() ?? typeof(BenchEnvironment).Assembly)
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0",
        Cluster = cluster,
    };
}
