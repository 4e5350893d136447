using System.Net;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Runner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Steps.Plugin;

/// <summary>The executor plugin sidecar: Kestrel (HTTP/1.1) serving <see cref="ExecutorPluginHandler"/>.</summary>
public sealed class PluginHost : IAsyncDisposable
{
    public const string ExecutePath = "/api/v1/template.execute";
    private readonly WebApplication app;

    private PluginHost(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The address it listens on, e.g. http://127.0.0.1:4355.</summary>
    public Uri Url { get; }

    /// <summary>Starts listening; throws <see cref="ArgoFlowException"/> when the token file or the port is unusable.</summary>
    public static async Task<PluginHost> StartAsync(
        PluginOptions options, IStepInvoker invoker, Action<ILoggingBuilder>? logging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Address, out var address))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"'{options.Address}' is not an IP address to listen on");
        }

        var tokens = new PluginTokenVerifier(options.TokenFile);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, options.Port));
        builder.Services.AddSingleton(sp => new ExecutorPluginHandler(
            invoker, tokens, options, sp.GetRequiredService<ILogger<ExecutorPluginHandler>>()));
        var app = builder.Build();
        MapEndpoints(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new ArgoFlowException(
                ExitCode.Unavailable, $"cannot listen on {options.Address}:{options.Port}: {ex.Message}", "pick another --port", ex);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(bound);
        var log = app.Services.GetRequiredService<ILogger<PluginHost>>();
        PluginLog.Listening(log, bound, tokens.TokenFile);
        return new PluginHost(app, url);
    }

    /// <summary>Maps the one route Argo calls; every other path is 404, which tells Argo not to call it again.</summary>
    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(ExecutePath, async (HttpContext context, ExecutorPluginHandler handler) =>
        {
            var reply = await handler.ExecuteAsync(
                context.Request.Headers.Authorization.ToString(), context.Request.Body, context.RequestAborted);
            context.Response.StatusCode = reply.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        });
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
