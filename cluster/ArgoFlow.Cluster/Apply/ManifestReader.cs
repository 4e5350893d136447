using System.Text.Json.Nodes;
using ArgoFlow.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ArgoFlow.Cluster.Apply;

/// <summary>
/// Reads Kubernetes YAML: a file, or every *.yaml/*.yml under a folder (sorted, so the order is stable), each file
/// possibly holding several `---` documents. Empty documents and kustomization files are skipped.
/// </summary>
public static class ManifestReader
{
    public static async Task<IReadOnlyList<ManifestDocument>> ReadPathAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        IEnumerable<string> files;
        if (Directory.Exists(path))
        {
            files = FilesUnder(path);
        }
        else if (File.Exists(path))
        {
            files = [path];
        }
        else
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"{path}: no such file or directory");
        }

        var documents = new List<ManifestDocument>();
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            documents.AddRange(Parse(file, text));
        }

        return documents;
    }

    /// <summary>The *.yaml/*.yml files under <paramref name="folder"/>, recursively and sorted, kustomization files aside.</summary>
    public static IReadOnlyList<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).StartsWith("kustomization.", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every document of <paramref name="text"/> as JSON, whatever its shape (a parameter file, a values map).</summary>
    public static IReadOnlyList<JsonNode?> ParseAny(string file, string text)
    {
        var stream = Load(file, text);
        try
        {
            return stream.Documents.Select(d => YamlToJson.Convert(d.RootNode)).ToList();
        }
        catch (YamlException ex)
        {
            throw new ValidationException([new Diagnostic(new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), "", ex.Message)]);
        }
    }

    public static IReadOnlyList<ManifestDocument> Parse(string file, string text)
    {
        var stream = Load(file, text);
        var result = new List<ManifestDocument>();
        var problems = new List<Diagnostic>();
        foreach (var doc in stream.Documents)
        {
            var where = new SourceLocation(file, (int)doc.RootNode.Start.Line, (int)doc.RootNode.Start.Column);
            if (doc.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            try
            {
                if (YamlToJson.Convert(doc.RootNode) is JsonObject body)
                {
                    if ((string?)body["kind"] != "Kustomization")
                    {
                        result.Add(new ManifestDocument(file, where.Line, body));
                    }
                }
                else
                {
                    problems.Add(new Diagnostic(where, "", "a manifest must be a YAML mapping with apiVersion, kind and metadata"));
                }
            }
            catch (YamlException ex)
            {
                problems.Add(new Diagnostic(new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column), "", ex.Message));
            }
        }

        return problems.Count > 0 ? throw new ValidationException(problems) : result;
    }

    private static YamlStream Load(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var (line, column, message) = ArgoFlow.Templates.Yaml.YamlErrorPosition.Locate(text, ex, ex.Message);
            throw new ValidationException([new Diagnostic(new SourceLocation(file, line, column), "", $"invalid YAML: {message}")]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException when the text ends inside a flow collection.
            var (line, column, message) = ArgoFlow.Templates.Yaml.YamlErrorPosition.Locate(text, null, "unexpected end of the file");
            throw new ValidationException([new Diagnostic(new SourceLocation(file, line, column), "", $"invalid YAML: {message}")]);
        }

        return stream;
    }
}
