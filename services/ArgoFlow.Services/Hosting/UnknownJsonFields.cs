using System.Collections.Concurrent;
using System.Text.Json;
using Google.Protobuf.Reflection;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Finds the JSON members a proto message does not declare. The JSON transcoder skips them silently, so a typo
/// such as <c>"qualty": 50</c> would run with the default quality; the HTTP routes refuse such bodies instead.
/// </summary>
public static class UnknownJsonFields
{
    private static readonly ConcurrentDictionary<MessageDescriptor, Dictionary<string, FieldDescriptor>> Names = new();

    /// <summary>
    /// Every member of <paramref name="json"/> that <paramref name="message"/> (or a message nested in it) has no
    /// field for, in document order, with its path (<c>widht</c>, <c>regions[1].x3</c>). A field matches by its
    /// JSON name or its proto name, as the transcoder reads both. Map keys and well-known types (google.protobuf.*)
    /// are free-form and not checked; values of the wrong shape are left to the transcoder, which reports them.
    /// </summary>
    public static IReadOnlyList<UnknownJsonField> Find(JsonElement json, MessageDescriptor message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var unknown = new List<UnknownJsonField>();
        CheckMessage(json, message, string.Empty, unknown);
        return unknown;
    }

    private static void CheckMessage(JsonElement json, MessageDescriptor message, string path, List<UnknownJsonField> unknown)
    {
        if (json.ValueKind != JsonValueKind.Object || IsFreeForm(message))
        {
            return;
        }

        foreach (var member in json.EnumerateObject())
        {
            var memberPath = path.Length == 0 ? member.Name : path + "." + member.Name;
            if (!NamesOf(message).TryGetValue(member.Name, out var field))
            {
                unknown.Add(new UnknownJsonField(memberPath, message));
            }
            else if (field.FieldType == FieldType.Message && !field.IsMap)
            {
                CheckValue(member.Value, field, memberPath, unknown);
            }
        }
    }

    private static void CheckValue(JsonElement value, FieldDescriptor field, string path, List<UnknownJsonField> unknown)
    {
        if (!field.IsRepeated)
        {
            CheckMessage(value, field.MessageType, path, unknown);
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                CheckMessage(item, field.MessageType, $"{path}[{index++}]", unknown);
            }
        }
    }

    private static Dictionary<string, FieldDescriptor> NamesOf(MessageDescriptor message) =>
        Names.GetOrAdd(message, static m =>
        {
            var names = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
            foreach (var field in m.Fields.InDeclarationOrder())
            {
                names[field.Name] = field;
                names[field.JsonName] = field;
            }

            return names;
        });

    private static bool IsFreeForm(MessageDescriptor message) =>
        message.File.Package == "google.protobuf";
}
