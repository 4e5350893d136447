using System.Text.Json.Nodes;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Kube;

/// <summary>
/// Discovery of the Argo API (<c>/apis/argoproj.io/v1alpha1</c>): run when a call on an Argo path answers 404,
/// to tell "the object is missing" from "Argo is not installed at all".
/// </summary>
public static class ArgoApiCheck
{
    public const string InstallHint =
        "install Argo Workflows (CRDs and controller): kubectl create namespace argo && kubectl apply -n argo -f " +
        "https://github.com/argoproj/argo-workflows/releases/download/v4.1.2/install.yaml (docs/cluster.md has the recipe)";

    /// <summary>Throws when the cluster does not serve <paramref name="type"/>; returns quietly when it does.</summary>
    public static async Task EnsureServedAsync(KubeApiClient client, ResourceType type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(type);
        var resources = await client.TryGetAsync(type.GroupVersionPath, cancellationToken).ConfigureAwait(false);
        var served = resources?["resources"] is JsonArray list &&
                     list.Any(r => (string?)r?["name"] == type.Plural);
        if (!served)
        {
            throw new ArgoFlowException(
                ExitCode.Unavailable,
                $"the cluster at {client.Connection.Server} does not serve {type.QualifiedPlural}: the Argo Workflows CRDs are not installed",
                InstallHint);
        }
    }
}
