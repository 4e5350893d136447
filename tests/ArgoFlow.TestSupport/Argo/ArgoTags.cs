using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArgoFlow.TestSupport.Argo;

/// <summary>
/// Argo's substitution of the parameter tags ArgoFlow generates, done where Argo does it: on the template
/// serialized as JSON (util/template upstream). A simple tag's value goes in with only the escaping the enclosing
/// JSON string needs, so inside an http body's JSON it lands as raw text; an expression tag's result is inserted
/// the same way, and <c>toJson(x)</c> yields x as a JSON string literal, quotes included.
/// </summary>
public static partial class ArgoTags
{
    private static readonly JsonSerializerOptions GoLike = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Replaces <c>{{ROOT.NAME}}</c> and <c>{{=toJson(ROOT.NAME)}}</c> / <c>{{=toJson(ROOT['NAME'])}}</c> for every
    /// NAME in <paramref name="values"/>, where ROOT is e.g. <c>workflow.parameters</c>; other tags stay.
    /// </summary>
    public static string Substitute(string templateJson, string root, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(templateJson);
        ArgumentNullException.ThrowIfNull(values);
        var prefix = Regex.Escape(root);
        var simple = new Regex(@"\{\{" + prefix + @"\.([\w-]+)\}\}", RegexOptions.CultureInvariant);
        var toJson = new Regex(@"\{\{=toJson\(" + prefix + @"(?:\.(\w+)|\['([\w-]+)'\])\)\}\}", RegexOptions.CultureInvariant);
        var text = simple.Replace(templateJson, m => values.TryGetValue(m.Groups[1].Value, out var v) ? InJsonString(v) : m.Value);
        return toJson.Replace(text, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            return values.TryGetValue(name, out var v) ? InJsonString(Quote(v)) : m.Value;
        });
    }

    /// <summary>The text as a JSON string literal, escaped as Go does it (apostrophes and non-ASCII left alone).</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, GoLike);

    /// <summary>The text as it appears between the quotes of a JSON string.</summary>
    public static string InJsonString(string text) => Quote(text)[1..^1];

    /// <summary>A template serialized the way Argo's Go code does it (no escaping of quotes or apostrophes as \u).</summary>
    public static string Serialize(System.Text.Json.Nodes.JsonNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.ToJsonString(GoLike);
    }
}
