namespace ArgoFlow.Services.Models;

/// <summary>
/// Where the default model comes from: <c>--model PATH</c>; else the models directory in ARGOFLOW_MODELS
/// (<c>DIR/fastestdet/FastestDet.onnx</c> or <c>DIR/FastestDet.onnx</c>); else the pull cache.
/// </summary>
public static class ModelLocator
{
    public const string ModelsVariable = "ARGOFLOW_MODELS";

    /// <summary>The cache `models pull` fills: ARGOFLOW_CACHE, else XDG_CACHE_HOME/argoflow, else ~/.cache/argoflow; plus /models.</summary>
    public static string CacheDirectory(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = environment("ARGOFLOW_CACHE") is { Length: > 0 } own ? own
            : environment("XDG_CACHE_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "argoflow")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "argoflow");
        return Path.Combine(root, "models");
    }

    /// <summary>The path of the cached copy of a known model (it may not exist yet).</summary>
    public static string CachedPath(KnownModel model, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Path.Combine(CacheDirectory(environment), model.Name, model.FileName);
    }

    /// <summary>The model path to load, and where it was found; null when there is none anywhere.</summary>
    public static (string Path, string Source)? Resolve(string? flag, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return (Path.GetFullPath(flag), "--model");
        }

        var model = KnownModel.FastestDet;
        if (environment(ModelsVariable) is { Length: > 0 } dir)
        {
            foreach (var candidate in new[] { Path.Combine(dir, model.Name, model.FileName), Path.Combine(dir, model.FileName) })
            {
                if (File.Exists(candidate))
                {
                    return (Path.GetFullPath(candidate), ModelsVariable);
                }
            }
        }

        var cached = CachedPath(model, environment);
        return File.Exists(cached) ? (cached, "cache") : null;
    }
}
