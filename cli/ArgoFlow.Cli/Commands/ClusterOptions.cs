using System.CommandLine;
using System.Globalization;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Watch;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// kubectl's cluster flags, spelled as kubectl spells them, shared by every command that talks to a cluster
/// (apply, submit, get, bench --cluster, agent): one instance per command, <see cref="AddTo"/> then <see cref="Read"/>.
/// </summary>
internal sealed class ClusterOptions
{
    private readonly bool _namespaced;

    /// <param name="namespaced">Add the one-namespace -n; false for a command with its own namespace flags (agent's
    /// repeatable -n and -A).</param>
    public ClusterOptions(bool namespaced = true)
    {
        _namespaced = namespaced;
    }

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Path to the kubeconfig file (default: KUBECONFIG, colon-separated and merged, then ~/.kube/config, then the in-cluster service account).",
    };

    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use (default: current-context)." };

    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace (default: the context's namespace, else \"default\")." };

    public Option<string?> RequestTimeout { get; } = new("--request-timeout")
    {
        Description = "Longest wait for one API request, as kubectl: 30s, 2m, a bare number of seconds, or 0 for no limit (default 30s).",
        HelpName = "DURATION",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        if (_namespaced)
        {
            command.Options.Add(Namespace);
        }

        command.Options.Add(RequestTimeout);
    }

    public KubeConnectionOptions Read(ParseResult parse) => new()
    {
        KubeconfigPath = parse.GetValue(Kubeconfig),
        Context = parse.GetValue(Context),
        Namespace = _namespaced ? parse.GetValue(Namespace) : null,
        RequestTimeout = ParseTimeout(parse.GetValue(RequestTimeout)),
    };

    public bool NamespaceGiven(ParseResult parse) => _namespaced && !string.IsNullOrEmpty(parse.GetValue(Namespace));

    /// <summary>kubectl's forms: "0" (no limit), a bare number of seconds, or a Go duration.</summary>
    public static TimeSpan ParseTimeout(string? text)
    {
        if (text is null)
        {
            return KubeConnectionOptions.DefaultRequestTimeout;
        }

        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : GoDuration.Parse(text, "--request-timeout");
    }
}
