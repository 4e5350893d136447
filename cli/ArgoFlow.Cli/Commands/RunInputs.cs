using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// What `--input` names: one image file, every image of a folder, or a reference the services resolve themselves
/// (s3://, file://, a store key). Local files are staged into the embedded services' store (outputs are written
/// beside their input), or passed as file:// URIs to services running elsewhere.
/// </summary>
internal sealed class RunInputs
{
    /// <summary>The spec parameter `--input` sets.</summary>
    public const string ParameterName = "input";

    /// <summary>The formats the services decode (JPEG, PNG, WebP); a folder's other files are left alone.</summary>
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp"];
    private readonly List<string> localFiles;
    private readonly string? reference;

    private RunInputs(List<string> localFiles, string? reference, bool isDirectory)
    {
        this.localFiles = localFiles;
        this.reference = reference;
        IsDirectory = isDirectory;
    }

    public bool IsDirectory { get; }

    public static RunInputs Resolve(string? input, PipelineSpec spec)
    {
        if (input is null)
        {
            return new RunInputs([], null, false);
        }

        if (spec.Parameters.All(p => p.Name != ParameterName))
        {
            throw new ArgoFlowException(ExitCode.Usage, $"pipeline '{spec.Name}' has no '{ParameterName}' parameter for --input",
                $"set its parameters with -p NAME=VALUE: {string.Join(", ", spec.Parameters.Select(p => p.Name))}");
        }

        if (Directory.Exists(input))
        {
            var files = Directory.EnumerateFiles(input)
                .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal)
                .ToList();
            return files.Count > 0
                ? new RunInputs(files, null, true)
                : throw new ArgoFlowException(ExitCode.InvalidInput,
                    $"--input {input}: the folder holds no images ({string.Join(", ", ImageExtensions)})");
        }

        return File.Exists(input)
            ? new RunInputs([Path.GetFullPath(input)], null, false)
            : new RunInputs([], input, false);
    }

    /// <summary>
    /// The values of the input parameter, one per run: store keys after copying local files into
    /// <paramref name="storeRoot"/> (embedded services), or file:// URIs (services elsewhere); a single null when
    /// no --input was given (the spec's default applies).
    /// </summary>
    public IReadOnlyList<string?> Stage(string? storeRoot)
    {
        if (reference is not null)
        {
            return storeRoot is not null && !reference.Contains("://", StringComparison.Ordinal) &&
                   !File.Exists(Path.Combine(storeRoot, reference))
                ? throw new ArgoFlowException(ExitCode.InvalidInput,
                    $"--input {reference}: no such file here, and no such key in the store {storeRoot}")
                : [reference];
        }

        if (localFiles.Count == 0)
        {
            return [null];
        }

        return storeRoot is null
            ? localFiles.Select(f => (string?)new Uri(f).AbsoluteUri).ToList()
            : localFiles.Select(f => (string?)Copy(f, storeRoot)).ToList();
    }

    private static string Copy(string file, string storeRoot)
    {
        var root = Path.GetFullPath(storeRoot);
        if (file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return Path.GetRelativePath(root, file);
        }

        var key = Path.GetFileName(file);
        var destination = Path.Combine(root, key);
        try
        {
            // The copy must stay writable (a read-only source keeps its mode) so the next run can replace it.
            File.Copy(file, destination, overwrite: true);
            File.SetAttributes(destination, FileAttributes.Normal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"cannot copy {file} into {root}: {ex.Message}", null, ex);
        }

        return key;
    }
}
