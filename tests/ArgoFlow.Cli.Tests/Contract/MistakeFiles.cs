using ArgoFlow.TestSupport;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.Cli.Tests.Contract;

/// <summary>
/// The files and peers the mistakes corpus refers to by placeholder: {dir}, {classic}, {privacy}, {image}, {repo},
/// {closed} (a port nobody listens on), {kubeconfig} (a fake API server), {silent} (a server that never answers).
/// </summary>
public sealed class MistakeFiles : IAsyncLifetime
{
    private readonly TempDirectory dir = new("argoflow-mistakes");
    private FakeKubeServer? kube;
    private SilentServer? silent;
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        kube = await FakeKubeServer.StartAsync();
        silent = new SilentServer();
        var classic = Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "classic.yaml");
        var text = await File.ReadAllTextAsync(classic);
        // Line 6 holds the tab; line 6 opens the '{' that is never closed (the file goes on after it).
        await File.WriteAllTextAsync(dir.Combine("tab.yaml"), "apiVersion: argoflow.io/v1alpha1\nkind: Pipeline\nmetadata:\n  name: tabbed\nspec:\n\tsteps: []\n");
        await File.WriteAllTextAsync(dir.Combine("unclosed.yaml"),
            "apiVersion: argoflow.io/v1alpha1\nkind: Pipeline\nmetadata:\n  name: unclosed\nspec:\n  retry: {limit: 3, backoff: 1s\n  steps:\n    - name: resize\n      type: resize\n\n# more\n");
        await File.WriteAllTextAsync(dir.Combine("no-retry.yaml"), text.Replace("limit: 3", "limit: 0", StringComparison.Ordinal));
        await File.WriteAllTextAsync(dir.Combine("photo.jpg"), "this is a text file, not a photo\n");
        await File.WriteAllTextAsync(dir.Combine("params.yaml"), "padding: wide\n");
        Directory.CreateDirectory(dir.Combine("empty"));
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            values["{closed}"] = $"127.0.0.1:{((System.Net.IPEndPoint)probe.LocalEndpoint).Port}";
        }

        values["{dir}"] = dir.Path;
        values["{repo}"] = SharedData.RepoRoot;
        values["{classic}"] = classic;
        values["{privacy}"] = Path.Combine(SharedData.RepoRoot, "samples", "pipelines", "privacy.yaml");
        values["{image}"] = SharedData.Image("0.jpg");
        values["{model}"] = SharedData.ModelPath;
        values["{kubeconfig}"] = kube.WriteKubeconfig(dir.Path);
        values["{silent}"] = silent.WriteKubeconfig(dir.Path);
    }

    /// <summary><paramref name="args"/> with every placeholder replaced.</summary>
    public string[] Expand(IEnumerable<string> args) =>
        args.Select(a => values.Aggregate(a, (text, pair) => text.Replace(pair.Key, pair.Value, StringComparison.Ordinal))).ToArray();

    public async Task DisposeAsync()
    {
        if (kube is not null)
        {
            await kube.DisposeAsync();
        }

        if (silent is not null)
        {
            await silent.DisposeAsync();
        }

        dir.Dispose();
    }
}
