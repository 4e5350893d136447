using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Cluster.Apply;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Submit;

/// <summary>
/// `--parameter-file FILE`, as argo submit reads it: one YAML or JSON mapping of parameter names to values.
/// Strings are taken as they are; numbers, booleans, lists and objects as their JSON text, so
/// <c>padding: 8</c> and <c>classes: [person]</c> arrive as "8" and ["person"]. -p values override the file's.
/// </summary>
public static class ParameterFile
{
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"--parameter-file {path}: no such file");
        }

        var documents = ManifestReader.ParseAny(path, File.ReadAllText(path));
        if (documents.Count != 1 || documents[0] is not JsonObject map)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput,
                $"--parameter-file {path}: expected one mapping of parameter names to values (name: value)");
        }

        if (map.ContainsKey("apiVersion") && map.ContainsKey("kind"))
        {
            throw new ArgoFlowException(ExitCode.Usage,
                $"--parameter-file {path}: this is a {(string?)map["kind"]} manifest, not a file of parameters",
                "as in `argo submit`, -f is --parameter-file; give the workflow or spec file as an argument: argoflow submit FILE");
        }

        return map.Select(p => KeyValuePair.Create(p.Key, p.Value switch
        {
            null => string.Empty,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => other.ToJsonString(),
        })).ToList();
    }
}
