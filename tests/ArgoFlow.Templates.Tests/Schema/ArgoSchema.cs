using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.TestSupport;
using Json.Schema;

namespace ArgoFlow.Templates.Tests.Schema;

/// <summary>
/// Argo's JSON Schema (../shared/argo/schema.json, draft 2020-12). Its x-kubernetes-* keywords need a dialect that
/// tolerates unknown keywords, and its top-level $schema is dropped so that dialect applies. One definition
/// (e.g. io.argoproj.workflow.v1alpha1.WorkflowTemplate) is validated by a root schema that $refs it.
/// </summary>
internal static class ArgoSchema
{
    public const string WorkflowTemplate = "io.argoproj.workflow.v1alpha1.WorkflowTemplate";
    public const string Container = "io.k8s.api.core.v1.Container";

    private static readonly Lazy<JsonObject> Definitions = new(() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(SharedData.ArgoSchemaPath))!["definitions"]!.DeepClone());

    // Lazy per definition: GetOrAdd may run a plain factory twice when tests race, and building the same schema
    // twice registers its URI twice in JsonSchema.Net's global registry, which throws.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new(StringComparer.Ordinal);

    private static readonly Dialect Tolerant = Dialect.Draft202012.With([], new Uri("https://argoflow.io/test/tolerant-2020-12"), null, true);

    /// <summary>Every error as "instance location: message"; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string definition, JsonElement instance)
    {
        var schema = Schemas.GetOrAdd(definition, d => new Lazy<JsonSchema>(() => Build(d))).Value;
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// As <see cref="Validate"/>, for documents sent to Kubernetes itself rather than to Argo. Argo's schema writes
    /// IntOrString as a plain string (its own fields, such as retry limits, are quoted for it); Kubernetes' OpenAPI
    /// marks it x-kubernetes-int-or-string, and a PodDisruptionBudget's maxUnavailable given as the string "1" is
    /// refused there (a string must be a percentage). So here IntOrString takes an integer or a string.
    /// </summary>
    public static IReadOnlyList<string> ValidateForKubernetes(string definition, JsonElement instance) =>
        Validate(KubernetesPrefix + definition, instance);

    private const string KubernetesPrefix = "kubernetes:";

    private static JsonSchema Build(string key)
    {
        var kubernetes = key.StartsWith(KubernetesPrefix, StringComparison.Ordinal);
        var definition = kubernetes ? key[KubernetesPrefix.Length..] : key;
        var definitions = (JsonObject)Definitions.Value.DeepClone();
        if (kubernetes)
        {
            definitions["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = new JsonObject { ["type"] = new JsonArray("integer", "string") };
        }

        var root = new JsonObject
        {
            ["$ref"] = "#/definitions/" + definition,
            ["definitions"] = definitions,
        };
        var options = new BuildOptions { Dialect = Tolerant };
        return JsonSchema.Build(JsonSerializer.SerializeToElement(root), options, new Uri("https://argoflow.io/test/" + (kubernetes ? "kubernetes/" : "") + definition));
    }
}
