using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Apply;

/// <summary>
/// Creates or replaces each planned object so that applying the same files twice changes nothing. An object is
/// unchanged when the live one carries the hash of this exact manifest (set by the last apply) and still contains
/// every field of it; otherwise it is replaced with the live resourceVersion, so a concurrent writer gets a 409
/// instead of being silently overwritten.
/// </summary>
public sealed class Applier
{
    /// <summary>SHA-256 of the manifest last applied; plays the part of kubectl's last-applied annotation.</summary>
    public const string HashAnnotation = "argoflow.io/applied-sha256";

    private readonly KubeApiClient _api;

    public Applier(KubeApiClient api)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
    }

    public async Task<ApplyOutcome> ApplyAsync(PlannedObject planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var type = planned.Type;
        var desired = Desired(planned);
        var hash = (string)desired["metadata"]!["annotations"]![HashAnnotation]!;
        var outcome = new ApplyOutcome(type.Kind, type.Group, planned.Namespace ?? "", planned.Name, ApplyAction.Created);
        try
        {
            var live = await _api.TryGetAsync(type.ItemPath(planned.Namespace, planned.Name), cancellationToken).ConfigureAwait(false);
            if (live is null)
            {
                await _api.CreateAsync(type.CollectionPath(planned.Namespace), desired, cancellationToken).ConfigureAwait(false);
                return outcome;
            }

            var liveHash = (string?)live["metadata"]?["annotations"]?[HashAnnotation];
            var same = liveHash == hash && JsonContainment.Contains(live, WithoutMetadata(desired)) &&
                       JsonContainment.Contains(live["metadata"], Labels(desired));
            if (same)
            {
                return outcome with { Action = ApplyAction.Unchanged };
            }

            desired["metadata"]!["resourceVersion"] = (string?)live["metadata"]?["resourceVersion"];
            KeepAutoscaledReplicas(type, desired, live);
            await _api.ReplaceAsync(type.ItemPath(planned.Namespace, planned.Name), desired, cancellationToken).ConfigureAwait(false);
            return outcome with { Action = ApplyAction.Updated };
        }
        catch (KubeApiException ex) when (ex.Code == 404 && type.Group == ResourceTypes.ArgoGroup)
        {
            await ArgoApiCheck.EnsureServedAsync(_api, type, cancellationToken).ConfigureAwait(false);
            throw Located(planned, ex, $"namespace \"{planned.Namespace}\" not found", "create it with `kubectl create namespace NAME`");
        }
        catch (KubeApiException ex) when (ex.Code == 404)
        {
            throw Located(planned, ex, $"not found: {ex.Status.Message}", null);
        }
        catch (KubeApiException ex) when (ex.Code == 409)
        {
            throw Located(planned, ex, $"conflict: {ex.Status.Message}", "someone changed it meanwhile; run apply again");
        }
        catch (KubeApiException ex) when (ex.Code is 401 or 403 or 422)
        {
            throw Located(planned, ex, ex.Message, ex.Hint);
        }
    }

    private static KubeApiException Located(PlannedObject planned, KubeApiException ex, string what, string? hint) =>
        new(ex.Status, $"{planned.Document.Where}: {planned.Type.Kind} \"{planned.Name}\": {what}", hint);

    private static JsonObject Desired(PlannedObject planned)
    {
        var body = planned.Document.Body.DeepClone().AsObject();
        var metadata = body["metadata"] as JsonObject ?? new JsonObject();
        body["metadata"] = metadata;
        if (planned.Namespace is not null)
        {
            metadata["namespace"] = planned.Namespace;
        }

        metadata.Remove("resourceVersion");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToJsonString())));
        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        metadata["annotations"] = annotations;
        annotations[HashAnnotation] = hash;
        return body;
    }

    /// <summary>
    /// A generated Deployment under a HorizontalPodAutoscaler has no replica count; a replace without one would reset
    /// it to 1 (the API default) until the autoscaler noticed. Keep the live count instead, as kubectl apply does.
    /// </summary>
    private static void KeepAutoscaledReplicas(ResourceType type, JsonObject desired, JsonNode live)
    {
        if (type == ResourceTypes.Deployment && desired["spec"] is JsonObject spec && !spec.ContainsKey("replicas") &&
            live["spec"]?["replicas"] is { } replicas)
        {
            spec["replicas"] = replicas.DeepClone();
        }
    }

    private static JsonObject WithoutMetadata(JsonObject desired)
    {
        var copy = desired.DeepClone().AsObject();
        copy.Remove("metadata");
        return copy;
    }

    private static JsonObject Labels(JsonObject desired) => new()
    {
        ["labels"] = desired["metadata"]?["labels"]?.DeepClone(),
        ["annotations"] = desired["metadata"]?["annotations"]?.DeepClone(),
    };
}
