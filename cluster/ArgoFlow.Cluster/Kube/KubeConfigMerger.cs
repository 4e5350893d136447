using k8s.KubeConfigModels;

namespace ArgoFlow.Cluster.Kube;

/// <summary>
/// Merges kubeconfig files like kubectl: the first file that names a cluster, context or user wins, and the first
/// current-context set wins. Relative certificate paths are made absolute against their own file first, since the
/// merged object can only be relative to one place.
/// </summary>
public static class KubeConfigMerger
{
    public static K8SConfiguration Merge(IReadOnlyList<K8SConfiguration> configs)
    {
        ArgumentNullException.ThrowIfNull(configs);
        if (configs.Count == 1)
        {
            return configs[0];
        }

        foreach (var config in configs)
        {
            Absolutize(config);
        }

        return new K8SConfiguration
        {
            ApiVersion = "v1",
            Kind = "Config",
            CurrentContext = configs.Select(c => c.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            Clusters = FirstByName(configs.SelectMany(c => c.Clusters ?? []), c => c.Name),
            Contexts = FirstByName(configs.SelectMany(c => c.Contexts ?? []), c => c.Name),
            Users = FirstByName(configs.SelectMany(c => c.Users ?? []), u => u.Name),
            FileName = configs[0].FileName,
        };
    }

    private static List<T> FirstByName<T>(IEnumerable<T> items, Func<T, string> name) =>
        items.GroupBy(name, StringComparer.Ordinal).Select(g => g.First()).ToList();

    private static void Absolutize(K8SConfiguration config)
    {
        var dir = string.IsNullOrEmpty(config.FileName) ? null : Path.GetDirectoryName(Path.GetFullPath(config.FileName));
        if (dir is null)
        {
            return;
        }

        foreach (var cluster in config.Clusters ?? [])
        {
            if (cluster.ClusterEndpoint is { } endpoint)
            {
                endpoint.CertificateAuthority = Absolute(dir, endpoint.CertificateAuthority);
            }
        }

        foreach (var user in config.Users ?? [])
        {
            if (user.UserCredentials is { } credentials)
            {
                credentials.ClientCertificate = Absolute(dir, credentials.ClientCertificate);
                credentials.ClientKey = Absolute(dir, credentials.ClientKey);
            }
        }
    }

    private static string? Absolute(string dir, string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(dir, path));
}
