using ArgoFlow.Core.Catalog;

namespace ArgoFlow.Services.Hosting;

/// <summary>Maps between step names ("resize"), gRPC service names and call paths.</summary>
public static class ServiceNames
{
    /// <summary>The full gRPC service name health reports under, e.g. argoflow.v1.ResizeService.</summary>
    public static string GrpcName(string step) =>
        StepCatalog.Find(step)?.GrpcService ?? throw new ArgumentException($"unknown step '{step}'", nameof(step));

    /// <summary>The step a call path belongs to ("/argoflow.v1.ResizeService/Resize" -> "resize"), or null.</summary>
    public static string? StepOf(string method) =>
        StepCatalog.All.FirstOrDefault(s => method.StartsWith("/" + s.GrpcService + "/", StringComparison.Ordinal))?.Name;

    /// <summary>
    /// The <c>service</c> label of a call's metrics: its step, <c>pipeline</c> for the fused Pipeline service, else
    /// the path. A plain name, because an autoscaler selects the in-flight gauge by it and label values allow no '/'.
    /// </summary>
    public static string MetricLabel(string method) =>
        StepOf(method) ?? (method.StartsWith("/argoflow.v1.PipelineService/", StringComparison.Ordinal) ? "pipeline" : method);
}
