using System.CommandLine;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.Steps.Plugin;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// The flags of `argoflow agent`: the cluster flags every cluster command shares (<see cref="ClusterOptions"/>,
/// without its one-namespace -n), then the agent's own.
/// </summary>
internal sealed class AgentOptionSet
{
    /// <summary>--kubeconfig, --context and --request-timeout, as apply, submit, get and bench --cluster have them.</summary>
    public ClusterOptions Cluster { get; } = new(namespaced: false);

    public Option<string[]> Namespaces { get; } = new("--namespace", "-n")
    {
        Description = "Serve the WorkflowTaskSets of this namespace (repeatable; default: the context's namespace).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> AllNamespaces { get; } = new("--all-namespaces", "-A") { Description = "Serve every namespace (needs a ClusterRole)." };

    public Option<int> Workers { get; } = new("--workers") { Description = "Tasks executed at the same time.", DefaultValueFactory = _ => 16 };

    public Option<int> HttpPort { get; } = new("--http-port") { Description = "Port of /healthz, /readyz and /metrics (0: none).", DefaultValueFactory = _ => 8080 };

    public Option<string[]> Plugins { get; } = new("--plugin")
    {
        Description = "Another executor plugin, NAME=URL[,token-file] (repeatable; asked in order after the built-in argoflow plugin).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> AllowEndpoints { get; } = new("--allow-endpoint")
    {
        Description = "A gRPC endpoint argoflow plugin templates may name, HOST:PORT with * for any run of characters but ':' " +
            $"(repeatable; '*' allows any). Default: {string.Join(", ", EndpointAllowList.Defaults)}.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int> MaxTimeoutSeconds { get; } = new("--max-timeout-seconds")
    {
        Description = "Largest timeoutSeconds an argoflow plugin template may ask for; more gets a Failed node.",
        DefaultValueFactory = _ => new PluginOptions().MaxTimeoutSeconds,
    };

    public Option<string> PatchWindow { get; } = new("--patch-window") { Description = "How long a TaskSet's results are collected into one status patch (0: patch at once; results ready while a patch is sent go in the next).", DefaultValueFactory = _ => "0" };

    public Option<int> RequeueAfter { get; } = new("--requeue-after")
    {
        Description = "Seconds an argoflow plugin call may run before its node is reported Running and asked again.",
        DefaultValueFactory = _ => 20,
    };

    public Option<string> DrainTimeout { get; } = new("--drain-timeout") { Description = "On SIGTERM, how long tasks in flight may finish.", DefaultValueFactory = _ => "25s" };

    public Option<bool> LeaderElect { get; } = new("--leader-elect") { Description = "Only the replica holding the Lease works (for replicas: 2+).", DefaultValueFactory = _ => true };

    public Option<string> LeaseName { get; } = new("--lease-name") { Description = "The Lease (coordination.k8s.io) the replicas share.", DefaultValueFactory = _ => "argoflow-agent" };

    public Option<string?> LeaseNamespace { get; } = new("--lease-namespace") { Description = "Namespace of the Lease (default: POD_NAMESPACE, else the first served namespace)." };

    public Option<string> LeaseDuration { get; } = new("--lease-duration") { Description = "A standby takes over this long after the leader stopped renewing.", DefaultValueFactory = _ => "10s" };

    public void AddTo(Command command)
    {
        Cluster.AddTo(command);
        foreach (var option in new Option[] { Namespaces, AllNamespaces, Workers, HttpPort, Plugins, AllowEndpoints, MaxTimeoutSeconds, PatchWindow, RequeueAfter, DrainTimeout, LeaderElect, LeaseName, LeaseNamespace, LeaseDuration })
        {
            command.Options.Add(option);
        }
    }

    public static TimeSpan Duration(ParseResult parse, Option<string> option) => GoDuration.Parse(parse.GetValue(option)!, option.Name);
}
