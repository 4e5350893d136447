using System.CommandLine;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Plugin;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow plugin serve`: the Argo executor plugin sidecar that runs `plugin: {argoflow: ...}` templates.</summary>
internal static class PluginCommand
{
    public static Command Create()
    {
        var command = new Command("plugin", """
            The Argo executor plugin (sidecar of Argo's agent pod).

            Examples:
              argoflow plugin serve --port 4355
            """);
        command.Subcommands.Add(CreateServe());
        return command;
    }

    private static Command CreateServe()
    {
        var port = new Option<int>("--port") { Description = "Port the agent calls.", DefaultValueFactory = _ => ServicePorts.Plugin };
        var address = new Option<string>("--address")
        {
            Description = "Address to listen on (the agent calls its sidecar on localhost).",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var tokenFile = new Option<string>("--token-file")
        {
            Description = "The token Argo mounts into the agent pod; requests must carry it as a Bearer token.",
            DefaultValueFactory = _ => "/var/run/argo/token",
        };
        var requeueAfter = new Option<int>("--requeue-after")
        {
            Description = "Seconds a request waits for its call before answering Running with a requeue.",
            DefaultValueFactory = _ => 20,
        };
        var allow = new Option<string[]>("--allow-endpoint")
        {
            Description = "A gRPC endpoint templates may name, HOST:PORT with * for any run of characters but ':' (repeatable; '*' allows any). " +
                $"Default: {string.Join(", ", EndpointAllowList.Defaults)}.",
            AllowMultipleArgumentsPerToken = false,
        };
        var maxTimeout = new Option<int>("--max-timeout-seconds")
        {
            Description = "Largest timeoutSeconds a template may ask for; more gets a Failed node.",
            DefaultValueFactory = _ => new PluginOptions().MaxTimeoutSeconds,
        };
        var command = new Command("serve", """
            Serve POST /api/v1/template.execute for argoflow plugin templates.

            Examples:
              argoflow plugin serve
              argoflow plugin serve --port 4355
              argoflow plugin serve --allow-endpoint 'argoflow-*.imaging.svc.cluster.local:9090'
            """);
        command.Options.Add(port);
        command.Options.Add(address);
        command.Options.Add(tokenFile);
        command.Options.Add(requeueAfter);
        command.Options.Add(allow);
        command.Options.Add(maxTimeout);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PluginOptions
            {
                Port = parse.GetValue(port),
                Address = parse.GetValue(address)!,
                TokenFile = parse.GetValue(tokenFile)!,
                RequeueAfter = TimeSpan.FromSeconds(parse.GetValue(requeueAfter)),
                AllowedEndpoints = parse.GetValue(allow) is { Length: > 0 } patterns ? patterns : EndpointAllowList.Defaults,
                MaxTimeoutSeconds = parse.GetValue(maxTimeout),
            };
            if (options.Port is < 0 or > 65535 || options.RequeueAfter < TimeSpan.Zero || options.MaxTimeoutSeconds < 1)
            {
                throw new ArgoFlowException(ExitCode.Usage, "--port must be in 0..65535, --requeue-after >= 0 and --max-timeout-seconds >= 1");
            }

            foreach (var pattern in options.AllowedEndpoints)
            {
                EndpointAllowList.Validate(pattern);
            }

            using var client = new StepClient();
            await using var host = await PluginHost.StartAsync(options, client, Logging, cancellationToken);
            await parse.InvocationConfiguration.Error.WriteLineAsync($"executor plugin listening on {host.Url}");
            await WaitForStopAsync(cancellationToken);
            return (int)ExitCode.Ok;
        });
        return command;
    }

    private static void Logging(ILoggingBuilder logging) =>
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddFilter("Microsoft", LogLevel.Warning);

    /// <summary>Runs until Ctrl+C or SIGTERM (Kubernetes stops the sidecar with SIGTERM).</summary>
    private static async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        await stop.Task.WaitAsync(cancellationToken);
    }
}
