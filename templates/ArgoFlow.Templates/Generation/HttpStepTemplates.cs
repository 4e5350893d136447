using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// http mode: the template POSTs the request JSON to <c>{services.TYPE.http}{HttpRoute}</c>; Argo's agent makes the
/// call (no pod per step) and the response body becomes the step's <c>outputs.result</c>. No successCondition: the
/// agent's default (any 2xx succeeds; the services answer 200 or an error status) is the only form whose failure
/// message carries the status code (<c>received non-2xx response code: 503</c>, workflow/executor/agent.go), which
/// <see cref="TransientFailures.Http"/> reads to retry only transient failures.
/// </summary>
internal sealed class HttpStepTemplates(ArgoVersion target) : IStepTemplateFactory
{
    public static IReadOnlyList<HttpHeader> JsonHeaders { get; } =
    [
        new("Content-Type", "application/json"),
        new("Accept", "application/json"),
    ];

    public Template Create(PipelineSpec spec, PipelineStep step, string name) => new(
        name,
        Inputs: StepInputs.Declare(step),
        Http: new HttpTemplate(
            spec.Services.For(step.Type.Name).Http + step.Type.HttpRoute,
            "POST",
            JsonHeaders,
            StepRequest.For(step).ToJsonText(),
            step.TimeoutSeconds),
        RetryStrategy: RetryStrategies.From(step.Retry, TransientFailures.Http, target));
}
