using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// Writes a JSON object (a step request inside a plugin template) as YAML with the same key order and the same
/// quoting rules as everything else. Only writing is supported: ArgoFlow never reads requests back from YAML.
/// </summary>
internal sealed class JsonNodeYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => typeof(JsonNode).IsAssignableFrom(type);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
        throw new NotSupportedException("JSON nodes are only written, never read, from YAML");

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) => Write(emitter, value as JsonNode);

    private static void Write(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
                foreach (var (key, child) in obj)
                {
                    String(emitter, key);
                    Write(emitter, child);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Block));
                foreach (var child in array)
                {
                    Write(emitter, child);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                switch (node.GetValueKind())
                {
                    case JsonValueKind.String:
                        String(emitter, node.GetValue<string>());
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

    private static void String(IEmitter emitter, string text)
    {
        var style = QuotingEventEmitter.Choose(text);
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    private static void Plain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, true, false));
}
