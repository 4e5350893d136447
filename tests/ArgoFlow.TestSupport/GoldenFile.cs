using Xunit;

namespace ArgoFlow.TestSupport;

/// <summary>
/// Byte-for-byte comparison with a committed golden file. ARGOFLOW_UPDATE_GOLDEN=1 rewrites it; under CI=true a
/// missing or different file always fails (CI never creates or rewrites goldens).
/// </summary>
public static class GoldenFile
{
    public static void AssertMatches(string path, string actual)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var update = Environment.GetEnvironmentVariable("ARGOFLOW_UPDATE_GOLDEN") == "1" && !ci;
        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; regenerate with ARGOFLOW_UPDATE_GOLDEN=1");
        var expected = File.ReadAllText(path);
        Assert.Equal(expected, actual);
    }
}
