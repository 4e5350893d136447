namespace ArgoFlow.Templates.Argo;

/// <summary>
/// Fields of Argo's workflow API that not every supported release has, read from Argo's own
/// <c>api/jsonschema/schema.json</c> at each release tag (v3.5.0, v3.6.0, v3.7.0, v4.0.0, v4.1.0, v4.1.2) and the
/// Go types in <c>pkg/apis/workflow/v1alpha1/workflow_types.go</c>. <see cref="Owner"/> names the Argo type:
/// WorkflowSpec, Template, Backoff, Synchronization. On a release without the field, <c>argo lint</c> and
/// <c>argo template create</c> reject it and <c>kubectl apply</c> drops it silently.
/// </summary>
public sealed record ArgoFieldHistory(string Owner, string Field, ArgoVersion? Added, ArgoVersion? Removed)
{
    /// <summary>argoproj/argo-workflows #13782: the backoff cap; before it the duration grew without bound.</summary>
    public static ArgoFieldHistory BackoffCap { get; } = new("Backoff", "cap", new(3, 7, 0), null);

    public static IReadOnlyList<ArgoFieldHistory> All { get; } =
    [
        BackoffCap,
        new("Synchronization", "mutexes", new(3, 6, 0), null),
        new("Synchronization", "semaphores", new(3, 6, 0), null),
        new("Synchronization", "mutex", null, new(4, 0, 0)),
        new("Synchronization", "semaphore", null, new(4, 0, 0)),
        new("Template", "annotations", new(3, 7, 0), null),
        new("Template", "priority", null, new(3, 7, 0)),
        new("Template", "pendingTimeout", new(4, 1, 0), null),
        new("Template", "podResources", new(4, 1, 0), null),
        new("Template", "resourceClaims", new(4, 1, 0), null),
        new("WorkflowSpec", "podPriority", null, new(3, 7, 0)),
        new("WorkflowSpec", "executorPlugins", new(4, 1, 0), null),
        new("WorkflowSpec", "podResources", new(4, 1, 0), null),
        new("WorkflowSpec", "resourceClaims", new(4, 1, 0), null),
    ];

    /// <summary>True when <paramref name="target"/> has the field.</summary>
    public bool In(ArgoVersion target) =>
        (Added is null || target.AtLeast(Added)) && (Removed is null || !target.AtLeast(Removed));

    /// <summary>Why <paramref name="target"/> lacks the field, or null when it has it.</summary>
    public string? Problem(ArgoVersion target) => In(target) ? null
        : Added is not null && !target.AtLeast(Added)
            ? $"Argo {target} has no {Owner}.{Field} (added in {Added}); Argo rejects the document or ignores the field"
            : $"Argo {target} has no {Owner}.{Field} (removed in {Removed})";
}
