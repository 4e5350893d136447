using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// The one YAML serializer for everything ArgoFlow emits: camelCase keys in declaration order (the models declare
/// apiVersion, kind, metadata, spec first), nulls omitted, no anchors/aliases, strings quoted where a reader would
/// take them as another type, invariant culture, "\n" line ends and exactly one trailing newline.
/// </summary>
public static class ManifestYaml
{
    private static readonly EmitterSettings Settings = new EmitterSettings()
        .WithBestIndent(2)
        .WithBestWidth(int.MaxValue)
        .WithIndentedSequences()
        .WithNewLine("\n");

    /// <summary>The YAML of one object, ending in exactly one newline.</summary>
    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        YamlObjectWriter.Write(emitter, value);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
    }

    /// <summary>One document with a leading comment (each line of <paramref name="header"/> prefixed by "# ").</summary>
    public static string Document(string header, object value)
    {
        ArgumentNullException.ThrowIfNull(header);
        var builder = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            builder.Append("# ").Append(line.TrimEnd()).Append('\n');
        }

        return builder.Append(Serialize(value)).ToString();
    }

    /// <summary>Several documents as one stream, separated by "---" lines.</summary>
    public static string Stream(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return string.Join("---\n", documents);
    }
}
