using ArgoFlow.TestSupport;

namespace ArgoFlow.Templates.Tests;

/// <summary>Paths of the committed sample pipelines and their generated output.</summary>
internal static class Samples
{
    public static string PipelinesDir => Path.Combine(SharedData.RepoRoot, "samples", "pipelines");

    public static string GeneratedDir => Path.Combine(SharedData.RepoRoot, "samples", "generated");

    public static IEnumerable<string> Names =>
        Directory.EnumerateFiles(PipelinesDir, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static string PathOf(string name) => Path.Combine(PipelinesDir, name + ".yaml");

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }
}
