using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// `--output json`: camelCase, indented, every field present (null when not applicable) so scripts can rely on
/// the keys, properties in declaration order, exactly one trailing newline.
/// </summary>
public static class BenchJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Serialize(BenchReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    public static BenchReport Deserialize(string json) =>
        JsonSerializer.Deserialize<BenchReport>(json, Options) ?? throw new JsonException("empty report");
}
