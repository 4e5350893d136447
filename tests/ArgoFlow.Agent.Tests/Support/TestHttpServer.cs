using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Agent.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1:0 standing in for whatever an http template calls. It records every request
/// (path, method, headers, body), counts concurrent requests per path, and answers with the test's handler.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _active = new();

    private TestHttpServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>The most requests for one path that were in progress at the same time.</summary>
    public ConcurrentDictionary<string, int> MaxConcurrent { get; } = new();

    /// <summary>Requests whose caller went away before the answer (cancelled by the agent).</summary>
    public ConcurrentQueue<string> Aborted { get; } = new();

    public static async Task<TestHttpServer> StartAsync(Func<HttpContext, string, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new TestHttpServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Path.Value ?? "/";
            server.Requests.Enqueue(new RecordedRequest(context.Request.Method, path,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            var now = server._active.AddOrUpdate(path, 1, (_, n) => n + 1);
            server.MaxConcurrent.AddOrUpdate(path, now, (_, n) => Math.Max(n, now));
            try
            {
                await handler(context, body);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                server.Aborted.Enqueue(path);
            }
            finally
            {
                server._active.AddOrUpdate(path, 0, (_, n) => n - 1);
            }
        });
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    /// <summary>A server that holds requests to <paramref name="blockingPath"/> until the caller goes away (signalling
    /// <paramref name="started"/>) and answers "ok" to every other path.</summary>
    public static Task<TestHttpServer> StartBlockingAsync(string blockingPath, TaskCompletionSource started) =>
        StartAsync(async (c, _) =>
        {
            if (c.Request.Path == blockingPath)
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, c.RequestAborted);
            }

            await c.Response.WriteAsync("ok");
        });

    public string Url(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
