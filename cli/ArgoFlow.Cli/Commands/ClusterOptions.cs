using System.CommandLine;
using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Cli.Commands;

/// <summary>kubectl's cluster flags, shared by apply, submit, get and bench --cluster.</summary>
internal sealed class ClusterOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Path to the kubeconfig file (default: KUBECONFIG, colon-separated and merged, then ~/.kube/config, then the in-cluster service account).",
    };

    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use (default: current-context)." };

    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace (default: the context's namespace, else \"default\")." };

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Namespace);
    }

    public KubeConnectionOptions Read(ParseResult parse) => new()
    {
        KubeconfigPath = parse.GetValue(Kubeconfig),
        Context = parse.GetValue(Context),
        Namespace = parse.GetValue(Namespace),
    };

    public bool NamespaceGiven(ParseResult parse) => !string.IsNullOrEmpty(parse.GetValue(Namespace));
}
