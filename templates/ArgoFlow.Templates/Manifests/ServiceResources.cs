using ArgoFlow.Templates.Kubernetes;

namespace ArgoFlow.Templates.Manifests;

/// <summary>
/// Default requests/limits. Detection holds an ONNX session and runs two intra-op threads, so it gets about twice
/// what the OpenCV services need; the step client, the plugin sidecar and the agent only relay calls.
/// </summary>
public static class ServiceResources
{
    public static ResourceRequirements Image { get; } = new(new("300m", "768Mi"), new("1", "1536Mi"));

    public static ResourceRequirements Detect { get; } = new(new("700m", "1536Mi"), new("2", "4Gi"));

    public static ResourceRequirements StepClient { get; } = new(new("50m", "64Mi"), new("500m", "256Mi"));

    public static ResourceRequirements PluginSidecar { get; } = new(new("100m", "64Mi"), new("500m", "256Mi"));

    /// <summary>The external agent relays many calls at once (http bodies, gRPC), more than one sidecar's share.</summary>
    public static ResourceRequirements Agent { get; } = new(new("100m", "128Mi"), new("1", "512Mi"));

    /// <summary>What a process hosting these step types needs: detection's share when it hosts detect.</summary>
    public static ResourceRequirements For(IReadOnlyList<string> hosted) => hosted.Contains("detect") ? Detect : Image;
}
