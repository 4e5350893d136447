using System.Text.Json.Nodes;
using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;
using ArgoFlow.Templates.Spec.Validation;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// The fused form: one Argo step that sends the whole spec to <c>argoflow.v1.PipelineService/Run</c>
/// (<c>POST /v1/pipeline:run</c>, or the plugin with <c>type: pipeline</c>), body
/// <c>{"spec": "&lt;the spec YAML&gt;", "parameters": {"NAME": "{{workflow.parameters.NAME}}"...}}</c> (in the http
/// body each parameter is a <c>{{=toJson(workflow.parameters.NAME)}}</c> tag, see <see cref="HttpBodyText"/>).
/// </summary>
internal static class FusedTemplates
{
    public const string TemplateName = "pipeline";
    public const string HttpRoute = "/v1/pipeline:run";

    /// <summary>
    /// The service answers 200 with <c>phase</c> Failed when a step fails, so the Argo step succeeds only when the
    /// parsed body says Succeeded. Argo evaluates successCondition with expr, whose built-in <c>fromJSON</c> parses
    /// the body: field order, spacing and indentation do not matter. <c>&amp;&amp;</c> short-circuits, so an error
    /// answer that is not JSON fails on its status code without being parsed.
    /// </summary>
    public const string SuccessCondition = "response.statusCode == 200 && fromJSON(response.body).phase == 'Succeeded'";

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
                HttpBody(spec),
                timeout,
                SuccessCondition));
        return WorkflowTemplateBuilder.Create(spec, options, TemplateName, [template]);
    }

    private static string HttpBody(PipelineSpec spec) => HttpBodyText.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("spec", spec.SourceText);
        writer.WriteStartObject("parameters");
        foreach (var parameter in spec.Parameters)
        {
            writer.WritePropertyName(parameter.Name);
            writer.WriteTag(ArgoExpressions.WorkflowParameterAsJson(parameter.Name));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

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
