using ArgoFlow.Agent.Dispatch;
using ArgoFlow.Agent.Http;
using ArgoFlow.Agent.Plugins;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Steps.Plugin;
using ArgoFlow.Steps.Runner;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Agent;

/// <summary>
/// What executes tasks, built once per agent and shared by its leadership terms: the http runner (its two HTTP
/// clients, secrets, the successCondition evaluator) and the plugins in Argo's order - the argoflow plugin in
/// process, then each --plugin endpoint.
/// </summary>
internal sealed class AgentRuntime : IDisposable
{
    private readonly HttpTaskRunner _http;
    private readonly List<RemotePluginTransport> _remotes = [];

    public AgentRuntime(KubeApiClient api, AgentOptions options, IStepInvoker invoker, ISuccessCondition condition, ILoggerFactory loggers)
    {
        _http = new HttpTaskRunner(new SecretReader(api, options.TimeProvider), condition, options.TimeProvider, options.MaxResponseBytes);
        var pluginOptions = new PluginOptions
        {
            RequeueAfter = options.PluginRequeueAfter,
            RequeueInterval = options.PluginRequeueInterval,
            TimeProvider = options.TimeProvider,
            AllowedEndpoints = options.AllowedEndpoints,
        };
        var native = new NativePluginTransport(tokens =>
            new ExecutorPluginHandler(invoker, tokens, pluginOptions, loggers.CreateLogger<ExecutorPluginHandler>()));
        var clients = new List<PluginRpcClient> { new(native, options.TimeProvider, options.PluginRetryInitial) };
        foreach (var endpoint in options.Plugins)
        {
            var remote = new RemotePluginTransport(endpoint);
            _remotes.Add(remote);
            clients.Add(new PluginRpcClient(remote, options.TimeProvider, options.PluginRetryInitial));
        }

        Executor = new TaskExecutor(_http, new PluginTaskRunner(clients));
    }

    public TaskExecutor Executor { get; }

    public void Dispose()
    {
        _http.Dispose();
        _remotes.ForEach(r => r.Dispose());
    }
}
