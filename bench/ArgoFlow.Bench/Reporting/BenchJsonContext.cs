using System.Text.Json.Serialization;

namespace ArgoFlow.Bench.Reporting;

/// <summary>Source-generated serializer for the report (no reflection, stable property order).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BenchReport))]
public sealed partial class BenchJsonContext : JsonSerializerContext;
