using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArgoFlow.Steps.Plugin;

/// <summary>
/// Writes Argo's ExecuteTemplateReply: <c>{"node": {"phase", "message", "outputs": {"result", "parameters": [{name,
/// value}]}}, "requeue": "1s"}</c>. The requeue is a Go duration string, as Argo parses it.
/// </summary>
internal static class PluginReplyWriter
{
    public static string Write(
        string phase, string message, (string Result, List<(string Name, string Value)> Parameters)? outputs, TimeSpan? requeue)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("node");
            json.WriteString("phase", phase);
            json.WriteString("message", message);
            if (outputs is { } o)
            {
                json.WriteStartObject("outputs");
                json.WriteString("result", o.Result);
                json.WriteStartArray("parameters");
                foreach (var (name, value) in o.Parameters)
                {
                    json.WriteStartObject();
                    json.WriteString("name", name);
                    json.WriteString("value", value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            if (requeue is { } r)
            {
                json.WriteString("requeue", GoDuration(r));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static string GoDuration(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)value.TotalSeconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(long)Math.Ceiling(value.TotalMilliseconds)}ms");
}
