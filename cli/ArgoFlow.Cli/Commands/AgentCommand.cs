using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using ArgoFlow.Agent;
using ArgoFlow.Agent.Hosting;
using ArgoFlow.Agent.Leases;
using ArgoFlow.Agent.Plugins;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Plugin;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow agent`: Argo's external agent for clusters with disableAgentPodCreation (docs/cluster.md).</summary>
internal static class AgentCommand
{
    /// <summary>
    /// Longest silence on a TaskSet watch before the agent counts it as dropped and resumes it. --request-timeout
    /// bounds single requests (a list, a patch, a watch until its headers); the watch itself stays open, and the API
    /// server is asked to end it after 54 s, so a healthy watch is resumed about once a minute and a connection that
    /// died without a FIN costs at most a minute of tasks, not the 5 minutes of the one-shot commands.
    /// </summary>
    internal static readonly TimeSpan WatchIdleTimeout = TimeSpan.FromMinutes(1);

    public static Command Create()
    {
        var options = new AgentOptionSet();
        var command = new Command("agent", """
            Run Argo's http and plugin templates from WorkflowTaskSets, with no agent pod (workflow-controller disableAgentPodCreation: "true").

            Examples:
              argoflow agent -n argo
              argoflow agent -n argo -n media --workers 32 --http-port 9100
              argoflow agent -A --context kind-argo --request-timeout 10s   # needs a ClusterRole (generate --agent --agent-namespaces all)
              argoflow agent -n argo --plugin hello=http://hello.argo.svc:4355,/var/run/hello/token
              argoflow agent -n argo --leader-elect false --http-port 0      # one replica, no probes
            """);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(options.AllNamespaces) && parse.GetValue(options.Namespaces) is { Length: > 0 })
            {
                throw new ArgoFlowException(ExitCode.Usage, "-A/--all-namespaces and -n/--namespace exclude each other");
            }

            // Usage errors first: a bad flag is reported before the cluster is asked anything. "default" stands in
            // for the context's namespace, which only the connection knows.
            Check(Read(parse, options, "default"));
            using var connection = KubeConnection.Open(options.Cluster.Read(parse) with { WatchIdleTimeout = WatchIdleTimeout });
            var agentOptions = Read(parse, options, connection.Namespace);
            using var loggers = LoggerFactory.Create(l => l.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddFilter("Microsoft", LogLevel.Warning).SetMinimumLevel(parse.GetValue(CliApp.Verbose) ? LogLevel.Debug : LogLevel.Information));
            using var client = new StepClient();
            using var agent = new ExternalAgent(new KubeApiClient(connection), agentOptions, client, loggers);
            using var stop = new CancellationTokenSource();
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var cancelled = cancellationToken.Register(stop.Cancel);
            var run = agent.RunAsync(stop.Token);
            var port = parse.GetValue(options.HttpPort);
            await using var host = port == 0 ? null
                : await AgentHttpHost.StartAsync(agent, () => !run.IsCompleted, IPAddress.Any, port, cancellationToken);
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"agent serving {(agentOptions.Namespaces.Count == 0 ? "all namespaces" : string.Join(", ", agentOptions.Namespaces))}" +
                (host is null ? "" : $"; probes and metrics on {host.Url}"));
            await run;
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static void Check(AgentOptions options)
    {
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgoFlowException(ExitCode.Usage, string.Join("; ", problems), "argoflow agent --help");
        }
    }

    /// <summary>--lease-namespace, else the pod's own namespace (POD_NAMESPACE from the downward API), else the first served one.</summary>
    private static string LeaseNamespace(string? given, List<string> namespaces, string contextNamespace) =>
        given is { Length: > 0 } ? given
        : Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } pod ? pod
        : namespaces.FirstOrDefault() ?? contextNamespace;

    /// <param name="contextNamespace">The namespace served without -n and -A: the context's.</param>
    private static AgentOptions Read(ParseResult parse, AgentOptionSet options, string contextNamespace)
    {
        var namespaces = parse.GetValue(options.AllNamespaces) ? [] : parse.GetValue(options.Namespaces) is { Length: > 0 } given ? given.Distinct().ToList() : [contextNamespace];
        var plugins = new List<PluginEndpoint>();
        var problems = new List<string>();
        foreach (var text in parse.GetValue(options.Plugins) ?? [])
        {
            var (endpoint, problem) = PluginEndpoint.Parse(text);
            if (endpoint is null)
            {
                problems.Add(problem!);
            }
            else
            {
                plugins.Add(endpoint);
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, string.Join("; ", problems),
                "e.g. --plugin hello=http://hello.argo.svc:4355,/var/run/hello/token (the token file is optional)");
        }

        var allowed = parse.GetValue(options.AllowEndpoints) is { Length: > 0 } patterns ? patterns : EndpointAllowList.Defaults;
        foreach (var pattern in allowed)
        {
            EndpointAllowList.Validate(pattern);
        }

        var leaseDuration = AgentOptionSet.Duration(parse, options.LeaseDuration);
        LeaseSettings? lease = parse.GetValue(options.LeaderElect)
            ? new LeaseSettings
            {
                Name = parse.GetValue(options.LeaseName)!,
                Namespace = LeaseNamespace(parse.GetValue(options.LeaseNamespace), namespaces, contextNamespace),
                Identity = $"{Environment.MachineName}_{Guid.NewGuid().ToString("N")[..8]}",
                Duration = leaseDuration,
                RenewDeadline = leaseDuration * 0.7,
                RetryPeriod = leaseDuration * 0.2,
            }
            : null;
        return new AgentOptions
        {
            Namespaces = namespaces,
            Workers = parse.GetValue(options.Workers),
            PatchWindow = parse.GetValue(options.PatchWindow) == "0" ? TimeSpan.Zero : AgentOptionSet.Duration(parse, options.PatchWindow),
            PluginRequeueAfter = TimeSpan.FromSeconds(Math.Max(parse.GetValue(options.RequeueAfter), 0)),
            DrainTimeout = AgentOptionSet.Duration(parse, options.DrainTimeout),
            Plugins = plugins,
            AllowedEndpoints = allowed,
            MaxTimeoutSeconds = parse.GetValue(options.MaxTimeoutSeconds),
            Lease = lease,
        };
    }
}
