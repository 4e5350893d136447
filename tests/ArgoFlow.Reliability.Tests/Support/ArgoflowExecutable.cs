namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>
/// The built `argoflow` apphost. The test project references the CLI project, so the build copies the executable
/// next to the test assembly; the tests start it as a real, separate, killable process.
/// </summary>
internal static class ArgoflowExecutable
{
    public static string Path
    {
        get
        {
            var path = System.IO.Path.Combine(AppContext.BaseDirectory, "argoflow");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing; build tests/ArgoFlow.Reliability.Tests first");
        }
    }
}
