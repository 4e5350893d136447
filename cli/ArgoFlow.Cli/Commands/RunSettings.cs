namespace ArgoFlow.Cli.Commands;

/// <summary>The checked options of one `argoflow run`.</summary>
internal sealed record RunSettings(
    string SpecPath,
    string? Input,
    string? Out,
    string Services,
    string? Model,
    IReadOnlyDictionary<string, string> Parameters,
    int Repeat,
    int? Parallel,
    bool Json)
{
    public bool IsEmbedded => Services == RunOptions.Embedded;
}
