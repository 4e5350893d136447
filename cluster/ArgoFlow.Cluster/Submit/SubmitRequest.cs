namespace ArgoFlow.Cluster.Submit;

/// <summary>What `argoflow submit` was asked for, minus how to watch it.</summary>
public sealed record SubmitRequest
{
    /// <summary>-p name=value pairs, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    /// <summary>--generate-name; default: the template name followed by '-', as Argo does.</summary>
    public string? GenerateName { get; init; }

    /// <summary>--labels, added to the workflow's own labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string? ServiceAccount { get; init; }

    /// <summary>Build and print the workflow without creating it.</summary>
    public bool DryRun { get; init; }
}
