namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>
/// Argo's expression environment from its flat scope (util/expand): <c>tasks.resize.outputs.result</c> becomes
/// nested maps, so expressions reach it by member access. A key that is also the prefix of a longer key is dropped,
/// as Argo drops the less specific one.
/// </summary>
public static class ArgoScope
{
    public static IReadOnlyDictionary<string, object?> Expand(IReadOnlyDictionary<string, string> scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var keys = scope.Keys.Order(StringComparer.Ordinal).ToList();
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (i + 1 < keys.Count && keys[i + 1].StartsWith(keys[i] + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = keys[i].Split('.');
            var map = root;
            foreach (var part in parts[..^1])
            {
                if (map.GetValueOrDefault(part) is not Dictionary<string, object?> child)
                {
                    child = new Dictionary<string, object?>(StringComparer.Ordinal);
                    map[part] = child;
                }

                map = child;
            }

            map[parts[^1]] = scope[keys[i]];
        }

        return root;
    }
}
