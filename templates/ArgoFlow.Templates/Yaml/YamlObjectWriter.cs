using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// Writes ArgoFlow's typed records as YAML events: properties in declaration order (apiVersion, kind, metadata,
/// spec come first because the records declare them first), camelCase names (or a <see cref="YamlMemberAttribute"/>
/// alias), nulls omitted, maps and lists as block collections, JSON objects (plugin requests) as mappings.
/// Driving YamlDotNet's emitter directly keeps the output fully decided here and avoids the reflection-heavy
/// object serializer, which dominated the start-up cost of a short `argoflow generate` process.
/// </summary>
internal static class YamlObjectWriter
{
    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Properties = new();

    public static void Write(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                Plain(emitter, "null");
                break;
            case string text:
                emitter.Emit(new Scalar(null, null, text, ScalarQuoting.StyleFor(text), true, true));
                break;
            case bool flag:
                Plain(emitter, flag ? "true" : "false");
                break;
            case int or long:
                Plain(emitter, Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case double number:
                Plain(emitter, number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonNode node:
                WriteJson(emitter, node);
                break;
            case IEnumerable<KeyValuePair<string, string>> map:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, item) in map)
                {
                    Write(emitter, key);
                    Write(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case IEnumerable list:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var item in list)
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                WriteRecord(emitter, value);
                break;
        }
    }

    private static void WriteRecord(IEmitter emitter, object value)
    {
        emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
        foreach (var (name, property) in Properties.GetOrAdd(value.GetType(), Describe))
        {
            var item = property.GetValue(value);
            if (item is not null)
            {
                Write(emitter, name);
                Write(emitter, item);
            }
        }

        emitter.Emit(new MappingEnd());
    }

    private static (string, PropertyInfo)[] Describe(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
        .OrderBy(p => p.MetadataToken)
        .Select(p => (p.GetCustomAttribute<YamlMemberAttribute>()?.Alias ?? char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p))
        .ToArray();

    private static void WriteJson(IEmitter emitter, JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, child) in obj)
                {
                    Write(emitter, key);
                    if (child is null)
                    {
                        Plain(emitter, "null");
                    }
                    else
                    {
                        WriteJson(emitter, child);
                    }
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var child in array)
                {
                    Write(emitter, (object?)child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                switch (node.GetValueKind())
                {
                    case JsonValueKind.String:
                        Write(emitter, node.GetValue<string>());
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        Plain(emitter, node.GetValue<bool>() ? "true" : "false");
                        break;
                    default:
                        Plain(emitter, node.ToJsonString());
                        break;
                }

                break;
        }
    }

    private static void Plain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, true, false));
}
