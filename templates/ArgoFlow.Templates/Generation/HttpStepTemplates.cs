using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// http mode: the template POSTs the request JSON to <c>{services.TYPE.http}{HttpRoute}</c>; Argo's agent makes the
/// call (no pod per step) and the response body becomes the step's <c>outputs.result</c>.
/// </summary>
internal sealed class HttpStepTemplates : IStepTemplateFactory
{
    public const string SuccessCondition = "response.statusCode == 200";

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
            step.TimeoutSeconds,
            SuccessCondition),
        RetryStrategy: RetryStrategies.From(step.Retry));
}
