namespace ArgoFlow.Steps.Plugin;

/// <summary>What the sidecar answers Argo's agent: an HTTP status and a JSON body.</summary>
/// <param name="StatusCode">200 with a node result (or <c>{}</c>), 400/401/403 fatal, 503 transient (Argo retries).</param>
/// <param name="Body">The JSON body.</param>
public sealed record PluginReply(int StatusCode, string Body)
{
    /// <summary>"Not mine": the template is another plugin's, Argo asks the next plugin.</summary>
    public static PluginReply NotMine { get; } = new(200, "{}");
}
