using System.Text.Json.Nodes;

namespace ArgoFlow.Templates.Argo;

/// <summary>The value of <c>plugin.argoflow</c>: which service to call and the request (the object the http mode POSTs).</summary>
public sealed record ArgoFlowPluginCall(
    string Type,
    string Endpoint,
    int TimeoutSeconds,
    JsonObject Request);
