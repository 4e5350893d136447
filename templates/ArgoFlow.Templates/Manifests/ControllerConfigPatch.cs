using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// The workflow-controller-configmap change that hands http and plugin tasks to the external agent
/// (<c>disableAgentPodCreation</c>, Argo v4.1). It is meant as a merge patch: applying it as a resource over the
/// controller's own ConfigMap would drop its other settings, so it is applied with <c>kubectl patch</c> and is not
/// listed in the kustomization. It still names its object (apiVersion, kind, name, namespace - values a merge patch
/// leaves as they are) so that <c>argoflow lint</c> and a reader know what it changes.
/// </summary>
public static class ControllerConfigPatch
{
    public const string ConfigMapName = "workflow-controller-configmap";

    public const string File = "controller/workflow-controller-configmap.patch.yaml";

    public const string Setting = "disableAgentPodCreation";

    /// <summary>Argo's install puts the controller and its ConfigMap in namespace argo.</summary>
    public const string ControllerNamespace = "argo";

    public static ConfigMap Create() => ConfigMap.Create(
        new ObjectMeta(ConfigMapName, Namespace: ControllerNamespace),
        ManifestLabels.Sorted((Setting, "true")));

    /// <summary>The file's header: how to apply it, how to undo it, and the requeue advice.</summary>
    public static string Header(string generatedBy) =>
        generatedBy + "\n" +
        "A merge patch for the Argo controller's ConfigMap (namespace of the controller, usually argo):\n" +
        "  kubectl -n argo patch configmap " + ConfigMapName + " --type merge --patch-file " + File + "\n" +
        "The controller then writes http/plugin tasks into WorkflowTaskSets and creates no agent pod; argoflow-agent runs them.\n" +
        "Undo: kubectl -n argo patch configmap " + ConfigMapName + " --type merge -p '{\"data\":{\"disableAgentPodCreation\":null}}'\n" +
        "The controller reads results when it requeues a workflow: set DEFAULT_REQUEUE_TIME=1s\n" +
        "  (kubectl -n argo set env deploy/workflow-controller DEFAULT_REQUEUE_TIME=1s); `argoflow bench --cluster` checks it.";
}
