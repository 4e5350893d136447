using System.Text.Json;

namespace ArgoFlow.Services.Hosting;

/// <summary>
/// Finds members a JSON body gives more than once (<c>{"input": "in/a.jpg", "input": "../x"}</c>). Readers
/// disagree on which one wins - the transcoder keeps the last, a JsonObject refuses the document - so an HTTP route
/// answers such a body with INVALID_ARGUMENT naming the member instead of guessing.
/// </summary>
internal static class DuplicateJsonMembers
{
    /// <summary>The path of each repeated member (<c>input</c>, <c>regions[0].x</c>), in document order.</summary>
    public static IReadOnlyList<string> Find(JsonElement json)
    {
        var found = new List<string>();
        Visit(json, string.Empty, found);
        return found;
    }

    private static void Visit(JsonElement json, string path, List<string> found)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in json.EnumerateObject())
                {
                    var memberPath = path.Length == 0 ? member.Name : path + "." + member.Name;
                    if (!seen.Add(member.Name))
                    {
                        found.Add(memberPath);
                    }

                    Visit(member.Value, memberPath, found);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in json.EnumerateArray())
                {
                    Visit(item, $"{path}[{index++}]", found);
                }

                break;
        }
    }
}
