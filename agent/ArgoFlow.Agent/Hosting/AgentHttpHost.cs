using System.Net;
using ArgoFlow.Core.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace ArgoFlow.Agent.Hosting;

/// <summary>
/// The agent's probes and metrics over HTTP/1.1: <c>/healthz</c> (200 while the agent runs), <c>/readyz</c> (200
/// when it leads with every TaskSet listed, or stands by with the API server reachable; else 503) and Prometheus
/// <c>/metrics</c>.
/// </summary>
public sealed class AgentHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentHttpHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<AgentHttpHost> StartAsync(ExternalAgent agent, Func<bool> running, IPAddress address, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        var app = builder.Build();
        app.MapGet("/healthz", () => running() ? Results.Text("ok\n") : Results.Text("stopped\n", statusCode: 503));
        app.MapGet("/readyz", () => agent.IsReady
            ? Results.Text(agent.IsLeading ? "leading\n" : "standby\n")
            : Results.Text("not ready\n", statusCode: 503));
        app.MapMetrics("/metrics", agent.Metrics.Registry);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new ArgoFlowException(ExitCode.Unavailable, $"cannot listen on {address}:{port}: {ex.Message}", "pick another --http-port", ex);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AgentHttpHost(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
