using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Cluster.Controller;

/// <summary>
/// Reads the env of the workflow-controller Deployment and <c>disableAgentPodCreation</c> from its ConfigMap; a
/// 403/404 is reported, not fatal.
/// </summary>
public static class ControllerSettingsReader
{
    public const string DeploymentName = "workflow-controller";

    public const string ConfigMapName = "workflow-controller-configmap";

    public static async Task<ControllerSettings> ReadAsync(KubeApiClient api, string controllerNamespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        JsonObject? deployment;
        try
        {
            deployment = await api.TryGetAsync(ResourceTypes.Deployment.ItemPath(controllerNamespace, DeploymentName), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.Code is 401 or 403)
        {
            return new ControllerSettings { Namespace = controllerNamespace, Problem = $"not readable: {ex.Status.Message}", ConfigMapProblem = "not read" };
        }

        if (deployment is null)
        {
            return new ControllerSettings
            {
                Namespace = controllerNamespace,
                Problem = $"deployment/{DeploymentName} not found in namespace \"{controllerNamespace}\" (use --controller-namespace)",
                ConfigMapProblem = "not read",
            };
        }

        var container = (deployment["spec"]?["template"]?["spec"]?["containers"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(c => (string?)c["name"] == DeploymentName) ??
            (deployment["spec"]?["template"]?["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var env = (container?["env"] as JsonArray)?.OfType<JsonObject>()
            .Where(e => e["name"] is not null)
            .GroupBy(e => (string)e["name"]!)
            .ToDictionary(g => g.Key, g => (string?)g.Last()["value"]) ?? [];
        var (agentSetting, configMapProblem) = await ReadAgentSettingAsync(api, controllerNamespace, cancellationToken).ConfigureAwait(false);
        return new ControllerSettings
        {
            Namespace = controllerNamespace,
            Readable = true,
            DefaultRequeueTime = env.GetValueOrDefault("DEFAULT_REQUEUE_TIME"),
            AgentPatchRate = env.GetValueOrDefault("ARGO_AGENT_PATCH_RATE"),
            ExecutorPlugins = env.GetValueOrDefault("ARGO_EXECUTOR_PLUGINS"),
            DisableAgentPodCreation = agentSetting,
            ConfigMapProblem = configMapProblem,
            Image = (string?)container?["image"],
        };
    }

    // A ConfigMap that cannot be read is "unset": the report then says the agent mode is unknown, not wrong.
    private static async Task<(string? Value, string? Problem)> ReadAgentSettingAsync(KubeApiClient api, string ns, CancellationToken cancellationToken)
    {
        try
        {
            var configMap = await api.TryGetAsync(ResourceTypes.ConfigMap.ItemPath(ns, ConfigMapName), cancellationToken).ConfigureAwait(false);
            return ((string?)configMap?["data"]?["disableAgentPodCreation"], null);
        }
        catch (KubeApiException ex) when (ex.Code is 401 or 403)
        {
            return (null, $"configmap/{ConfigMapName} not readable: {ex.Status.Message}");
        }
    }
}
