using ArgoFlow.Core.Errors;

namespace ArgoFlow.Bench.Local;

/// <summary>How to start the `argoflow` executable for a cold step: a file and the arguments before `oneshot`.</summary>
/// <param name="FileName">The executable (the argoflow apphost, or dotnet).</param>
/// <param name="Prefix">Arguments that come first, e.g. the path of argoflow.dll when <paramref name="FileName"/> is dotnet.</param>
public sealed record ColdCommand(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>
    /// The argoflow executable this process runs from (or, when hosted elsewhere such as a test runner, the
    /// argoflow apphost or argoflow.dll in <paramref name="directory"/>, default the application's folder).
    /// </summary>
    public static ColdCommand Locate(string? directory = null)
    {
        directory ??= AppContext.BaseDirectory;
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "argoflow")
        {
            return new ColdCommand(self, []);
        }

        var apphost = Path.Combine(directory, OperatingSystem.IsWindows() ? "argoflow.exe" : "argoflow");
        if (File.Exists(apphost))
        {
            return new ColdCommand(apphost, []);
        }

        var dll = Path.Combine(directory, "argoflow.dll");
        if (File.Exists(dll))
        {
            return new ColdCommand("dotnet", [dll]);
        }

        throw new ArgoFlowException(ExitCode.InvalidInput, $"cold mode: no argoflow executable in {directory}",
            "run the bench from the argoflow executable, or leave cold out with --modes warm,inproc");
    }
}
