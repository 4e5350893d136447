using ArgoFlow.Core.Errors;

namespace ArgoFlow.Bench.Local;

/// <summary>
/// The store folder every mode works in: the input images copied in as <c>input-N.ext</c> (the keys the
/// pipelines are given), and the outputs the warm and cold runs write. Deleted on dispose unless kept.
/// </summary>
public sealed class BenchWorkspace : IDisposable
{
    private readonly bool keep;

    private BenchWorkspace(string root, IReadOnlyList<string> keys, bool keep)
    {
        Root = root;
        InputKeys = keys;
        this.keep = keep;
    }

    public string Root { get; }

    /// <summary>Store keys of the inputs, in --input order; runs take them round-robin.</summary>
    public IReadOnlyList<string> InputKeys { get; }

    /// <summary>Copies <paramref name="inputs"/> into <paramref name="root"/> (a new temporary folder when null).</summary>
    public static BenchWorkspace Create(IReadOnlyList<string> inputs, string? root)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var keep = root is not null;
        root ??= Path.Combine(Path.GetTempPath(), "argoflow-bench-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal));
        try
        {
            Directory.CreateDirectory(root);
            var keys = new List<string>(inputs.Count);
            for (var i = 0; i < inputs.Count; i++)
            {
                var key = $"input-{i}{Path.GetExtension(inputs[i]).ToLowerInvariant()}";
                File.Copy(inputs[i], Path.Combine(root, key), overwrite: true);
                keys.Add(key);
            }

            return new BenchWorkspace(Path.GetFullPath(root), keys, keep);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"bench work folder {root}: {ex.Message}", null, ex);
        }
    }

    public byte[] ReadInput(string key) => File.ReadAllBytes(Path.Combine(Root, key));

    public void Dispose()
    {
        if (keep)
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is not worth failing a finished benchmark for.
        }
    }
}
