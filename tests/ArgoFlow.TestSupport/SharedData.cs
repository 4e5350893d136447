namespace ArgoFlow.TestSupport;

/// <summary>
/// Finds the read-only reference data (`../shared` beside the repository, or ARGOFLOW_SHARED) and the repository
/// root, from wherever the test assembly runs.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);
    private static readonly Lazy<string> SharedLazy = new(FindShared);

    /// <summary>The repository root (the folder holding ArgoFlow.sln).</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>The shared folder: ARGOFLOW_SHARED if set, else ../shared from the repository root.</summary>
    public static string Root => SharedLazy.Value;

    public static string ModelPath => Path.Combine(Root, "models", "fastestdet", "FastestDet.onnx");

    public static string ClassNamesPath => Path.Combine(Root, "models", "fastestdet", "coco.names");

    public static string ImagesDir => Path.Combine(Root, "images");

    public static string ArgoSchemaPath => Path.Combine(Root, "argo", "schema.json");

    public static string ArgoCrdsDir => Path.Combine(Root, "argo", "crds");

    public static string Image(string name) => Path.Combine(ImagesDir, name);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArgoFlow.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException(
            $"ArgoFlow.sln not found above {AppContext.BaseDirectory}");
    }

    private static string FindShared()
    {
        var fromEnv = Environment.GetEnvironmentVariable("ARGOFLOW_SHARED");
        var path = string.IsNullOrEmpty(fromEnv)
            ? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"))
            : Path.GetFullPath(fromEnv);
        return Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"shared data not found at {path}; set ARGOFLOW_SHARED");
    }
}
