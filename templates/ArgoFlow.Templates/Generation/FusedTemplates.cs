using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Spec.Validation;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// The fused form: one Argo step that sends the whole spec to <c>argoflow.v1.PipelineService/Run</c>
/// (<c>POST /v1/pipeline:run</c>, or the plugin with <c>type: pipeline</c>), body
/// <c>{"spec": "&lt;the spec YAML&gt;", "parameters": {"NAME": "{{workflow.parameters.NAME}}"...}}</c>.
/// </summary>
internal static class FusedTemplates
{
    public const string TemplateName = "pipeline";
    public const string HttpRoute = "/v1/pipeline:run";

    /// <summary>
    /// The service answers 200 with <c>phase</c> Failed when a step fails; proto JSON writes field 1 (phase) first,
    /// so the body must start with a Succeeded phase for the Argo step to succeed.
    /// </summary>
    public const string SuccessCondition = "response.statusCode == 200 && response.body startsWith '{\"phase\":\"Succeeded\"'";

    public static WorkflowTemplate Build(PipelineSpec spec, GeneratorOptions options)
    {
        var request = new JsonObject
        {
            ["spec"] = spec.SourceText,
            ["parameters"] = new JsonObject(spec.Parameters.Select(p =>
                KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(ArgoExpressions.WorkflowParameter(p.Name))))),
        };
        var endpoint = spec.Services.For(ServicesReader.PipelineKey);
        var timeout = CriticalPathSeconds(spec);
        var template = options.Mode == GenerationMode.Plugin
            ? new Template(TemplateName, Plugin: new Plugin(new ArgoFlowPluginCall(ServicesReader.PipelineKey, endpoint.Grpc, timeout, request)))
            : new Template(TemplateName, Http: new HttpTemplate(
                endpoint.Http + HttpRoute,
                "POST",
                HttpStepTemplates.JsonHeaders,
                request.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
                timeout,
                SuccessCondition));
        return WorkflowTemplateBuilder.Create(spec, options, TemplateName, [template]);
    }

    /// <summary>
    /// The longest chain of step timeouts, each times its attempts, plus the backoffs between them: the most the
    /// service may need. Retries happen inside the service, so the Argo step itself is not retried.
    /// </summary>
    internal static int CriticalPathSeconds(PipelineSpec spec)
    {
        var finish = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var step in spec.Steps)
        {
            var attempts = step.Retry.Limit + 1;
            var backoff = Enumerable.Range(0, step.Retry.Limit)
                .Sum(i => Math.Min(step.Retry.Backoff.TotalSeconds * Math.Pow(step.Retry.Factor, i), step.Retry.MaxBackoff.TotalSeconds));
            var start = step.DependsOn.Count == 0 ? 0 : step.DependsOn.Max(d => finish[d]);
            finish[step.Name] = start + (attempts * step.TimeoutSeconds) + backoff;
        }

        return (int)Math.Ceiling(finish.Values.Max());
    }
}
