namespace ArgoFlow.Agent.Plugins;

/// <summary>
/// Delivers one <c>template.execute</c> request body to a plugin and returns its HTTP status and body: over HTTP
/// to a sidecar or service, or in process to the built-in argoflow plugin. <see cref="PluginRpcClient"/> gives
/// both Argo's client semantics.
/// </summary>
internal interface IPluginTransport
{
    string Name { get; }

    /// <summary>The answer; throws <see cref="HttpRequestException"/> when the plugin cannot be reached.</summary>
    Task<(int Status, string Reason, string Body)> PostAsync(string body, CancellationToken cancellationToken);
}
