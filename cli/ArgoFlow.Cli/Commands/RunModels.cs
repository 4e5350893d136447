using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// Finds the detection model for the embedded detect service: --model, else ARGOFLOW_MODELS (a model file or a
/// folder of models), else the FastestDet model in a <c>shared/models</c> folder next to the working directory or
/// above the executable (the layout of a checkout beside ../shared).
/// </summary>
internal static class RunModels
{
    public const string EnvironmentVariable = "ARGOFLOW_MODELS";
    private static readonly string DefaultRelative = Path.Combine("models", "fastestdet", "FastestDet.onnx");

    public static string Resolve(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath)
                ? Path.GetFullPath(explicitPath)
                : throw new ArgoFlowException(ExitCode.InvalidInput, $"--model {explicitPath}: no such file");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return FromEnvironment(fromEnvironment);
        }

        foreach (var shared in SharedCandidates())
        {
            var path = Path.Combine(shared, DefaultRelative);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new ArgoFlowException(ExitCode.InvalidInput, "this pipeline detects, but no detection model was found",
            $"pass --model PATH.onnx or set {EnvironmentVariable} to a model file or folder");
    }

    private static string FromEnvironment(string value)
    {
        if (File.Exists(value))
        {
            return Path.GetFullPath(value);
        }

        if (Directory.Exists(value))
        {
            var preferred = Path.Combine(value, "fastestdet", "FastestDet.onnx");
            var found = File.Exists(preferred)
                ? preferred
                : Directory.EnumerateFiles(value, "*.onnx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
            if (found is not null)
            {
                return Path.GetFullPath(found);
            }
        }

        throw new ArgoFlowException(ExitCode.InvalidInput, $"{EnvironmentVariable}={value}: no .onnx model there");
    }

    private static IEnumerable<string> SharedCandidates()
    {
        yield return Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", "shared"));
        yield return Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "shared"));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            yield return Path.Combine(dir.FullName, "shared");
        }
    }
}
