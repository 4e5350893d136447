using System.Text.Encodings.Web;
using System.Text.Json;

namespace ArgoFlow.Templates.Generation;

/// <summary>
/// Writes the JSON text of an http template's <c>body</c>. Argo pastes a simple tag's value into the body as raw
/// text, so every text value that comes from a parameter is written as an unquoted
/// <c>{{=toJson(...)}}</c> tag (<see cref="ArgoExpressions.InputParameterAsJson"/>), which Argo replaces with a
/// quoted and escaped JSON string; literal values from the spec are escaped here.
/// </summary>
internal static class HttpBodyText
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes an Argo tag as the value of the current property, without quotes or validation.</summary>
    public static void WriteTag(this Utf8JsonWriter writer, string tag) => writer.WriteRawValue(tag, skipInputValidation: true);
}
