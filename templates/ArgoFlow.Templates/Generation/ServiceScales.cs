using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// The pod count of one generated service, agreed by every spec of the namespace that sets one: the specs share the
/// Deployment, so two different counts for it are an error naming both places, never a silent pick.
/// </summary>
internal static class ServiceScales
{
    public static ServiceScale? For(IReadOnlyList<PipelineSpec> specs, string service)
    {
        var given = specs
            .Select(s => (Spec: s, Scale: s.Services.ByStepType.TryGetValue(service, out var e) ? e.Scale : null))
            .Where(x => x.Scale is not null)
            .ToList();
        if (given.Count == 0)
        {
            return null;
        }

        var first = given[0];
        var problems = given.Skip(1)
            .Where(x => !x.Scale!.SameAs(first.Scale!))
            .Select(x => new Diagnostic(x.Scale!.Source, $"spec.services.{service}",
                $"pipeline '{x.Spec.Name}' sets {Describe(x.Scale!)} for argoflow-{service} in namespace {x.Spec.Namespace}, but pipeline '{first.Spec.Name}' ({first.Scale!.Source}) sets {Describe(first.Scale!)}; they share one Deployment, so give the same"))
            .ToList();
        return problems.Count > 0 ? throw new ValidationException(problems) : first.Scale;
    }

    private static string Describe(ServiceScale scale) => scale.Autoscale is { } a
        ? $"autoscale {a.MinReplicas}..{a.MaxReplicas}" +
          (a.TargetCpuUtilizationPercentage is { } cpu ? $" at {cpu}% CPU" : string.Empty) +
          (a.TargetInFlightPerPod is { } f ? $" at {f} calls in flight per pod" : string.Empty)
        : $"replicas {scale.Replicas}";
}
