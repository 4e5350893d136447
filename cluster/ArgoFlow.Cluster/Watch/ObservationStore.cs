using System.Text.Json;
using ArgoFlow.Cluster.Argo;

namespace ArgoFlow.Cluster.Watch;

/// <summary>
/// Keeps the client-observed times of watched workflows in the user's cache folder
/// (<c>$XDG_CACHE_HOME/argoflow/observed/NAMESPACE/NAME.json</c>, default <c>~/.cache</c>) so that `argoflow get`
/// can show them next to the status times. Losing the cache only loses the observed column.
/// </summary>
public sealed class ObservationStore
{
    public ObservationStore(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static ObservationStore Default()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return new ObservationStore(Path.Combine(cache, "argoflow", "observed"));
    }

    public async Task SaveAsync(string ns, ObservationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = PathFor(ns, record.Name);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(record, ArgoJson.Options), cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache is a convenience; a read-only home must not fail a run that succeeded.
        }
    }

    public async Task<ObservationRecord?> LoadAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var path = PathFor(ns, name);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize<ObservationRecord>(text, ArgoJson.Options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private string PathFor(string ns, string name) => Path.Combine(Root, Safe(ns), Safe(name) + ".json");

    private static string Safe(string part) =>
        string.Concat(part.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));
}
