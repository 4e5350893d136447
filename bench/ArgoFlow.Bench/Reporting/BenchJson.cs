using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArgoFlow.Bench.Reporting;

/// <summary>
/// Writes a <see cref="BenchReport"/> as the `--output json` document: camelCase names in declaration order,
/// indented, nulls written (a field is always present), invariant numbers, one trailing newline.
/// </summary>
public static class BenchJson
{
    // The report is a file for people and scripts, never embedded in HTML: keep "->" and quotes readable.
    private static readonly BenchJsonContext Context = new(new JsonSerializerOptions(BenchJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Write(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(report, Context.BenchReport)) + "\n";
    }

    public static BenchReport Read(string json) =>
        JsonSerializer.Deserialize(json, Context.BenchReport)
        ?? throw new JsonException("the document is null");
}
