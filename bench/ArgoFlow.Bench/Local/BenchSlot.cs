namespace ArgoFlow.Bench.Local;

/// <summary>One step of the schedule: <paramref name="Batch"/> concurrent pipeline runs of <paramref name="Mode"/>.</summary>
public sealed record BenchSlot(string Mode, int Round, bool Warmup, int Batch);
