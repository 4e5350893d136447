namespace ArgoFlow.Bench.Reporting;

/// <summary>A failure message and how many runs ended with it.</summary>
public sealed record ErrorCount(string Message, int Count);
