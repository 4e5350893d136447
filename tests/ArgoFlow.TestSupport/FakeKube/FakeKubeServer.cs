using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// A fake Kubernetes API server on 127.0.0.1 (Kestrel, port 0) that follows the real API's conventions for the paths
/// ArgoFlow uses: Argo workflows and workflow templates plus the core/apps/rbac kinds apply writes; create with
/// generateName, get, list, replace with resourceVersion, delete, watch streams, Status error bodies, bearer-token
/// auth (401/403) and discovery. A <see cref="SimulatedController"/> runs submitted workflows.
/// </summary>
public sealed class FakeKubeServer : IAsyncDisposable
{
    public const string DefaultToken = "fake-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string Verb, string Plural), bool> _forbidden = new();
    private readonly ConcurrentDictionary<(string Verb, string Plural), (int Left, int Code)> _failures = new();
    private readonly List<Func<FakeResource, JsonObject, IEnumerable<FakeFieldError>>> _validators = [];
    private readonly FakeWatches _watches;

    private FakeKubeServer(WebApplication app, FakeKubeStore store, SimulatedController controller)
    {
        _app = app;
        Store = store;
        Controller = controller;
        _watches = new FakeWatches(store);
    }

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public FakeKubeStore Store { get; }

    public SimulatedController Controller { get; }

    /// <summary>The bearer token accepted; any other (or none) gets 401.</summary>
    public string Token { get; set; } = DefaultToken;

    /// <summary>The user name the token authenticates as, quoted in 403 messages.</summary>
    public string UserName { get; set; } = "system:serviceaccount:argo:argoflow";

    /// <summary>False: the argoproj.io API (the Argo CRDs) is not served, as on a cluster without Argo.</summary>
    public bool ArgoInstalled { get; set; } = true;

    /// <summary>Namespaces that exist; creating in another one is a 404 like on a real server.</summary>
    public ISet<string> Namespaces { get; } = new HashSet<string>(StringComparer.Ordinal) { "default", "argo" };

    /// <summary>Every request as "METHOD path?query", for tests that assert what was (not) sent.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    internal FakeWatches Watches => _watches;

    /// <summary>Starts a server whose timestamps come from <paramref name="time"/> (a manual clock in tests).</summary>
    public static async Task<FakeKubeServer> StartAsync(TimeProvider? time = null)
    {
        var clock = time ?? new ManualClock();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var store = new FakeKubeStore(clock);
        var server = new FakeKubeServer(app, store, new SimulatedController(store, clock));
        app.Run(context => new FakeKubeHandler(server).HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        server.Controller.Start();
        return server;
    }

    /// <summary>Answers 403 Forbidden to <paramref name="verb"/> (get, list, watch, create, update, delete) on a plural.</summary>
    public void Forbid(string verb, string plural) => _forbidden[(verb, plural)] = true;

    /// <summary>
    /// The next <paramref name="times"/> requests of this verb on this resource get an error Status instead of an
    /// answer: 500 InternalError by default, as an API server does when etcd times out; 429, 503, 504 or 410 with
    /// the Status a real server sends for them (see <see cref="FakeStatus.Failure"/>).
    /// </summary>
    public void FailNext(string verb, string plural, int times = 1, int code = 500) => _failures[(verb, plural)] = (times, code);

    public void AddValidator(Func<FakeResource, JsonObject, IEnumerable<FakeFieldError>> validator) => _validators.Add(validator);

    /// <summary>Aborts every open watch connection mid-stream, as a load balancer or network blip would.</summary>
    public void DropWatchConnections() => _watches.AbortAll();

    /// <summary>Holds new watch requests until <see cref="ResumeWatches"/>, to change things while a client is away.</summary>
    public void PauseWatches() => _watches.Pause();

    public void ResumeWatches() => _watches.Resume();

    /// <summary>How many watch connections were opened so far (a resumed watch opens another).</summary>
    public int WatchesOpened => _watches.Opened;

    /// <summary>Writes a kubeconfig for this server with one context (and namespace) and returns its path.</summary>
    public string WriteKubeconfig(string directory, string? ns = "argo", string context = "fake", string? token = null)
    {
        var path = Path.Combine(directory, $"kubeconfig-{context}");
        var nsLine = ns is null ? "" : $"\n    namespace: {ns}";
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            apiVersion: v1
            kind: Config
            current-context: {context}
            clusters:
            - name: {context}-cluster
              cluster:
                server: {BaseUri.ToString().TrimEnd('/')}
            contexts:
            - name: {context}
              context:
                cluster: {context}-cluster
                user: {context}-user{nsLine}
            users:
            - name: {context}-user
              user:
                token: {token ?? Token}

            """));
        return path;
    }

    internal bool IsForbidden(string verb, string plural) => _forbidden.ContainsKey((verb, plural));

    /// <summary>The status code to fail this request with, or null to answer it.</summary>
    internal int? TakeFailure(string verb, string plural)
    {
        while (_failures.TryGetValue((verb, plural), out var planned) && planned.Left > 0)
        {
            if (_failures.TryUpdate((verb, plural), planned with { Left = planned.Left - 1 }, planned))
            {
                return planned.Code;
            }
        }

        return null;
    }

    internal IEnumerable<FakeFieldError> ExtraValidation(FakeResource resource, JsonObject obj) =>
        _validators.SelectMany(v => v(resource, obj));

    public async ValueTask DisposeAsync()
    {
        await Controller.DisposeAsync().ConfigureAwait(false);
        _watches.AbortAll();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
