namespace ArgoFlow.Services.Tests.Support;

internal static class PathExtensions
{
    /// <summary>Creates the file's folder and returns the path unchanged.</summary>
    public static string CreateParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
