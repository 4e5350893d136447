namespace ArgoFlow.Templates.Argo;

/// <summary>Argo <c>Plugin</c>: an object with exactly one key, the plugin's name; ArgoFlow's is <c>argoflow</c>.</summary>
public sealed record Plugin(
    ArgoFlowPluginCall Argoflow);
