using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgoFlow.Cluster.Apply;

/// <summary>
/// "Does the live object already say everything the manifest says?" Objects match when every field of the
/// manifest is present and equal in the live object (servers add defaults, status and bookkeeping fields, which
/// must not count as a difference); arrays must match element by element.
/// </summary>
internal static class JsonContainment
{
    public static bool Contains(JsonNode? live, JsonNode? desired) => (live, desired) switch
    {
        (_, null) => true,
        (null, _) => false,
        (JsonObject l, JsonObject d) => d.All(p => Contains(l[p.Key], p.Value)),
        (JsonArray l, JsonArray d) => l.Count == d.Count && l.Zip(d).All(x => Contains(x.First, x.Second)),
        (JsonValue l, JsonValue d) => ScalarEquals(l, d),
        _ => false,
    };

    private static bool ScalarEquals(JsonValue live, JsonValue desired)
    {
        // 1 and 1.0 are the same number to the API server; compare numbers by value, everything else by JSON text.
        if (live.GetValueKind() == JsonValueKind.Number && desired.GetValueKind() == JsonValueKind.Number)
        {
            return double.Parse(live.ToJsonString(), CultureInfo.InvariantCulture)
                .Equals(double.Parse(desired.ToJsonString(), CultureInfo.InvariantCulture));
        }

        return live.ToJsonString() == desired.ToJsonString();
    }
}
