using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// Writes a <see cref="BenchReport"/> as the `--output json` document: camelCase names in declaration order,
/// indented, nulls written (a field is always present), invariant numbers, one trailing newline.
/// </summary>
public static class BenchJson
{
    public static string Write(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(report, BenchJsonContext.Default.BenchReport)) + "\n";
    }

    public static BenchReport Read(string json) =>
        JsonSerializer.Deserialize(json, BenchJsonContext.Default.BenchReport)
        ?? throw new JsonException("the document is null");
}
