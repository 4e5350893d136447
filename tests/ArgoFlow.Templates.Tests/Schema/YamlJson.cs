using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Templates.Yaml;

namespace ArgoFlow.Templates.Tests.Schema;

/// <summary>
/// Reads YAML documents into JSON the way Kubernetes does (plain scalars typed as null/bool/number, quoted ones as
/// strings), so schema checks also catch a string that was left unquoted and turned into a number.
/// </summary>
internal static class YamlJson
{
    public static IReadOnlyList<JsonElement> Documents(string yaml) =>
        SafeYamlLoader.Load(yaml, "test.yaml")
            .Where(d => d is not YScalar { IsNull: true })
            .Select(d => JsonSerializer.SerializeToElement(ToNode(d)))
            .ToList();

    public static JsonNode? ToNode(YNode node) => node switch
    {
        YMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToNode(e.Value)))),
        YSequence s => new JsonArray([.. s.Items.Select(ToNode)]),
        YScalar { IsPlain: false } q => JsonValue.Create(q.Value),
        YScalar { IsNull: true } => null,
        YScalar { AsBool: { } b } => JsonValue.Create(b),
        YScalar { AsLong: { } l } => JsonValue.Create(l),
        YScalar { AsDouble: { } d } => JsonValue.Create(d),
        YScalar s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(),
    };
}
