using ArgoFlow.Templates.Argo;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// plugin mode: <c>plugin: {argoflow: {type, endpoint, timeoutSeconds, request}}</c>. The ArgoFlow sidecar in the
/// agent pod calls the service over gRPC and answers with the response JSON as <c>outputs.result</c>.
/// </summary>
internal sealed class PluginStepTemplates(ArgoVersion target) : IStepTemplateFactory
{
    public const string PluginName = "argoflow";

    public Template Create(PipelineSpec spec, PipelineStep step, string name) => new(
        name,
        Inputs: StepInputs.Declare(step),
        Plugin: new Plugin(new ArgoFlowPluginCall(
            step.Type.Name,
            spec.Services.For(step.Type.Name).Grpc,
            step.TimeoutSeconds,
            StepRequest.For(step).Body)),
        RetryStrategy: RetryStrategies.From(step.Retry, TransientFailures.Plugin, target));
}
