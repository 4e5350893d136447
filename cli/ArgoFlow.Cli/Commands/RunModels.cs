using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Models;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// Finds the detection model for the embedded detect service the way `argoflow serve` does (--model, else
/// ARGOFLOW_MODELS, else the `models pull` cache: <see cref="ModelLocator"/>), and then, for a checkout beside
/// ../shared, the FastestDet model in a <c>shared/models</c> folder next to the working directory or above the
/// executable.
/// </summary>
internal static class RunModels
{
    private static readonly string SharedRelative = Path.Combine("models", "fastestdet", "FastestDet.onnx");

    public static string Resolve(string? explicitPath)
    {
        if (ModelLocator.Resolve(explicitPath, Environment.GetEnvironmentVariable) is { } found)
        {
            return File.Exists(found.Path)
                ? found.Path
                : throw new ArgoFlowException(ExitCode.InvalidInput, $"{found.Source} {found.Path}: no such model file");
        }

        foreach (var shared in SharedCandidates())
        {
            var path = Path.Combine(shared, SharedRelative);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new ArgoFlowException(ExitCode.InvalidInput, "this pipeline detects, but no detection model was found",
            $"pass --model PATH.onnx, set {ModelLocator.ModelsVariable} to a models folder, or run `argoflow models pull fastestdet`");
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
