using ArgoFlow.Core.Errors;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace ArgoFlow.Cluster.Kube;

/// <summary>Turns <see cref="KubeConnectionOptions"/> into a KubernetesClient configuration the way kubectl would.</summary>
public static class KubeConfigLoader
{
    public static KubernetesClientConfiguration Load(KubeConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = ConfigFiles(options);
        if (files.Count == 0)
        {
            if (KubernetesClientConfiguration.IsInCluster())
            {
                return InCluster(options);
            }

            throw new ArgoFlowException(
                ExitCode.Unavailable,
                "no Kubernetes configuration: no --kubeconfig, KUBECONFIG or ~/.kube/config, and not running in a pod",
                "point --kubeconfig or KUBECONFIG at the cluster's kubeconfig (kind/k3d write one; see docs/cluster.md)");
        }

        try
        {
            var merged = KubeConfigMerger.Merge(files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(f)).ToList());
            var context = options.Context ?? merged.CurrentContext;
            if (string.IsNullOrEmpty(context))
            {
                throw new ArgoFlowException(
                    ExitCode.Unavailable,
                    $"no current-context in {Describe(files)}",
                    "pass --context NAME or run `kubectl config use-context NAME`");
            }

            if (merged.Contexts?.Any(c => c.Name == context) != true)
            {
                var known = string.Join(", ", merged.Contexts?.Select(c => c.Name) ?? []);
                throw new ArgoFlowException(
                    ExitCode.Unavailable,
                    $"context \"{context}\" not found in {Describe(files)}",
                    $"known contexts: {(known.Length == 0 ? "(none)" : known)}");
            }

            return KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context);
        }
        catch (KubeConfigException ex)
        {
            throw new ArgoFlowException(ExitCode.Unavailable, $"invalid kubeconfig {Describe(files)}: {ex.Message}", inner: ex);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ArgoFlowException(ExitCode.Unavailable, $"cannot read kubeconfig {Describe(files)}: {ex.Message}", inner: ex);
        }
    }

    private static KubernetesClientConfiguration InCluster(KubeConnectionOptions options)
    {
        if (options.Context is not null)
        {
            throw new ArgoFlowException(
                ExitCode.Usage, "--context needs a kubeconfig, but only the in-cluster service account is available");
        }

        return KubernetesClientConfiguration.InClusterConfig();
    }

    private static List<FileInfo> ConfigFiles(KubeConnectionOptions options)
    {
        if (!string.IsNullOrEmpty(options.KubeconfigPath))
        {
            var file = new FileInfo(options.KubeconfigPath);
            return file.Exists
                ? [file]
                : throw new ArgoFlowException(ExitCode.Unavailable, $"kubeconfig {options.KubeconfigPath} (from --kubeconfig) does not exist");
        }

        if (!string.IsNullOrEmpty(options.KubeconfigEnv))
        {
            // kubectl skips list entries that do not exist, and fails only when none does.
            var listed = options.KubeconfigEnv.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var existing = listed.Select(p => new FileInfo(p)).Where(f => f.Exists).ToList();
            return existing.Count > 0
                ? existing
                : throw new ArgoFlowException(ExitCode.Unavailable, $"none of the KUBECONFIG files exists: {options.KubeconfigEnv}");
        }

        var home = options.HomeDirectory is null ? null : new FileInfo(Path.Combine(options.HomeDirectory, ".kube", "config"));
        return home?.Exists == true ? [home] : [];
    }

    private static string Describe(List<FileInfo> files) => string.Join(Path.PathSeparator, files.Select(f => f.FullName));
}
