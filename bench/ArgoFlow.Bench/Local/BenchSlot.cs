namespace ArgoFlow.Bench.Local;

/// <summary>One step of the schedule: <paramref name="Batch"/> pipeline runs of <paramref name="Mode"/>, up to the concurrency at once.</summary>
public sealed record BenchSlot(string Mode, int Round, bool Warmup, int Batch);
