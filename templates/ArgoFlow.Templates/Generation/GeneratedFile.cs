namespace ArgoFlow.Templates.Generation;

/// <summary>One output file: its path relative to the output folder ('/' separated) and its exact text.</summary>
public sealed record GeneratedFile(string Path, string Content);
