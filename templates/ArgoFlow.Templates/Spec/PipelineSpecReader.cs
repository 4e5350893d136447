using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec.Validation;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec;

/// <summary>
/// Reads and validates a pipeline spec (<c>apiVersion: argoflow.io/v1alpha1, kind: Pipeline</c>). Returns the
/// fully resolved <see cref="PipelineSpec"/> or throws <see cref="ValidationException"/> listing every problem
/// with file:line:column and path. The format is described in docs/pipeline-spec.md.
/// </summary>
public static class PipelineSpecReader
{
    public const string ApiVersion = "argoflow.io/v1alpha1";
    public const string Kind = "Pipeline";
    public const string DefaultNamespace = "argo";
    public const int DefaultTimeoutSeconds = 30;
    public const int MaxTimeoutSeconds = 86_400;

    /// <summary>Argo allows at most 200 tasks in a DAG (a CRD rule the API server enforces).</summary>
    public const int MaxSteps = 200;

    /// <summary>A spec is a small hand-written file; anything larger is refused before it is parsed.</summary>
    public const long MaxSpecBytes = 1024 * 1024;

    public static PipelineSpec Read(string yamlText, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourceName);
        var text = SourceText.Check(yamlText, sourceName, MaxSpecBytes, "pipeline spec");
        return Parse(text, sourceName);
    }

    public static PipelineSpec ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = SourceText.ReadFile(path, MaxSpecBytes, "pipeline spec");
        return Parse(text, path);
    }

    /// <summary>Reads several specs, reporting the problems of all of them together.</summary>
    public static IReadOnlyList<PipelineSpec> ReadFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var specs = new List<PipelineSpec>();
        var problems = new List<Diagnostic>();
        foreach (var path in paths)
        {
            try
            {
                specs.Add(ReadFile(path));
            }
            catch (ValidationException ex)
            {
                problems.AddRange(ex.Diagnostics);
            }
        }

        return problems.Count > 0 ? throw new ValidationException(problems) : specs;
    }

    private static PipelineSpec Parse(string text, string source)
    {
        var documents = SafeYamlLoader.Load(text, source);
        if (documents.Count == 0 || documents is [YScalar { IsNull: true }])
        {
            throw SafeYamlLoader.Fail(source, 0, 0, "the file is empty; expected a pipeline spec (apiVersion: argoflow.io/v1alpha1, kind: Pipeline)");
        }

        if (documents.Count > 1)
        {
            throw SafeYamlLoader.Fail(source, documents[1].Line, documents[1].Column,
                $"holds {documents.Count} YAML documents; a pipeline spec file holds exactly one");
        }

        var context = new SpecReadContext(new DiagnosticBag(source));
        var spec = SpecDocumentReader.Read(context, documents[0], text);
        context.Bag.ThrowIfAny();
        return spec ?? throw SafeYamlLoader.Fail(source, 0, 0, "not a valid pipeline spec");
    }
}
