using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// Writes a response message as the JSON the services' HTTP/JSON routes return (ASP.NET Core gRPC JSON
/// transcoding with its default settings): proto JSON names (camelCase), scalar fields written even when they hold
/// the default value, int64 as a JSON number, unset messages and oneof cases left out. Written by hand because
/// Google.Protobuf's formatter always quotes int64 and would make `argoflow step` print a different result than
/// the http template receives.
/// </summary>
public static class ProtoJson
{
    public static string Format(IMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteMessage(writer, message);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteMessage(Utf8JsonWriter writer, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        writer.WriteStartObject();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.HasPresence && !field.Accessor.HasValue(message))
            {
                continue;
            }

            writer.WritePropertyName(field.JsonName);
            WriteField(writer, field, field.Accessor.GetValue(message));
        }

        writer.WriteEndObject();
    }

    private static void WriteField(Utf8JsonWriter writer, FieldDescriptor field, object value)
    {
        if (field.IsMap)
        {
            writer.WriteStartObject();
            var valueField = field.MessageType.FindFieldByNumber(2);
            foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
            {
                writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                WriteSingle(writer, valueField, entry.Value!);
            }

            writer.WriteEndObject();
        }
        else if (field.IsRepeated)
        {
            writer.WriteStartArray();
            foreach (var item in (System.Collections.IEnumerable)value)
            {
                WriteSingle(writer, field, item);
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteSingle(writer, field, value);
        }
    }

    private static void WriteSingle(Utf8JsonWriter writer, FieldDescriptor field, object value)
    {
        switch (field.FieldType)
        {
            case FieldType.Message:
                WriteMessage(writer, (IMessage)value);
                break;
            case FieldType.String:
                writer.WriteStringValue((string)value);
                break;
            case FieldType.Bool:
                writer.WriteBooleanValue((bool)value);
                break;
            case FieldType.Bytes:
                writer.WriteBase64StringValue(((ByteString)value).Span);
                break;
            case FieldType.Float:
                WriteFloating(writer, (float)value);
                break;
            case FieldType.Double:
                WriteFloating(writer, (double)value);
                break;
            case FieldType.Enum:
                var name = field.EnumType.FindValueByNumber((int)value)?.Name;
                if (name is null)
                {
                    writer.WriteNumberValue((int)value);
                }
                else
                {
                    writer.WriteStringValue(name);
                }

                break;
            case FieldType.UInt64 or FieldType.Fixed64:
                writer.WriteNumberValue((ulong)value);
                break;
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                writer.WriteNumberValue((long)value);
                break;
            case FieldType.UInt32 or FieldType.Fixed32:
                writer.WriteNumberValue((uint)value);
                break;
            default:
                writer.WriteNumberValue((int)value);
                break;
        }
    }

    private static void WriteFloating(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(NonFinite(value));
        }
    }

    private static void WriteFloating(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(NonFinite(value));
        }
    }

    private static string NonFinite(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
}
