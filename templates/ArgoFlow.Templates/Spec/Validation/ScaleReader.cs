using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Spec.Validation;

/// <summary>
/// Reads <c>replicas</c> and <c>autoscale</c> of one <c>spec.services</c> entry. Limits: up to
/// <see cref="MaxReplicas"/> pods; a CPU target of 1..1000 % of the request (above 100 % is legal when the limit is
/// above the request); an in-flight target of 1..1000 calls per pod.
/// </summary>
internal static class ScaleReader
{
    public const int MaxReplicas = 1000;

    /// <summary>The scale written in <paramref name="entry"/>, or null when it sets neither field.</summary>
    public static ServiceScale? Read(SpecReadContext context, YMapping entry, string path)
    {
        var replicasNode = entry["replicas"];
        var autoscaleNode = entry["autoscale"];
        if (replicasNode is null && autoscaleNode is null)
        {
            return null;
        }

        var replicas = context.Int(replicasNode, path + ".replicas", 1, MaxReplicas);
        var autoscale = Autoscale(context, autoscaleNode, path + ".autoscale");
        if (replicasNode is not null && autoscaleNode is not null)
        {
            context.Error(replicasNode, path + ".replicas",
                "give replicas or autoscale, not both: with autoscale the HorizontalPodAutoscaler sets the replica count (autoscale.minReplicas is the floor)");
        }

        return new ServiceScale(replicas, autoscale, (replicasNode ?? autoscaleNode)!.At(context.Bag.Source));
    }

    private static ServiceAutoscale? Autoscale(SpecReadContext context, YNode? node, string path)
    {
        var mapping = context.Mapping(node, path);
        if (mapping is null)
        {
            return null;
        }

        context.CheckKeys(mapping, path, "minReplicas", "maxReplicas", "targetCPUUtilizationPercentage", "targetInFlightPerPod");
        var min = context.Int(mapping["minReplicas"], path + ".minReplicas", 1, MaxReplicas) ?? 1;
        if (mapping["maxReplicas"] is null)
        {
            context.Error(mapping, path + ".maxReplicas", "required: the most pods the autoscaler may run");
        }

        var max = context.Int(mapping["maxReplicas"], path + ".maxReplicas", 1, MaxReplicas);
        if (max is not null && max < min)
        {
            context.Error(mapping["maxReplicas"], path + ".maxReplicas", $"{max} is below minReplicas {min}");
        }

        var cpu = context.Int(mapping["targetCPUUtilizationPercentage"], path + ".targetCPUUtilizationPercentage", 1, 1000);
        var inFlight = context.Int(mapping["targetInFlightPerPod"], path + ".targetInFlightPerPod", 1, 1000);
        if (cpu is null && inFlight is null && mapping["targetCPUUtilizationPercentage"] is null && mapping["targetInFlightPerPod"] is null)
        {
            cpu = ServiceAutoscale.DefaultCpuUtilizationPercentage;
        }

        return max is null ? null : new ServiceAutoscale(min, max.Value, cpu, inFlight);
    }
}
