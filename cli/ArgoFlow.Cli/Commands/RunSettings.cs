namespace ArgoFlow.Cli.Commands;

/// <summary>The checked options of one `argoflow run`. <see cref="DetectionsJson"/>: detect steps write their JSON unless --no-detections-json.</summary>
internal sealed record RunSettings(
    string SpecPath,
    string? Input,
    string? Out,
    string Services,
    string? Model,
    IReadOnlyDictionary<string, string> Parameters,
    int Repeat,
    int? Parallel,
    bool Json,
    bool DetectionsJson)
{
    public bool IsEmbedded => Services == RunOptions.Embedded;
}
