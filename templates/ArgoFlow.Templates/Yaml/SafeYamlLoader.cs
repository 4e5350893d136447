using System.Text.RegularExpressions;
using ArgoFlow.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// Reads YAML into <see cref="YNode"/> trees with line/column marks, driving YamlDotNet's event parser directly so
/// hostile input is refused early: nesting deeper than <see cref="MaxDepth"/>, more than <see cref="MaxAliases"/>
/// aliases, or documents whose alias expansion would exceed <see cref="MaxExpandedNodes"/> nodes (the "billion
/// laughs" attack). Aliases share the anchored node instead of copying it, so even the check itself stays cheap.
/// </summary>
internal static partial class SafeYamlLoader
{
    public const int MaxDepth = 64;
    public const int MaxAliases = 1000;
    public const long MaxExpandedNodes = 100_000;

    /// <summary>At most this many under-indented double-quoted scalars are repaired per file (see QuotedScalarIndent).</summary>
    public const int MaxRepairs = 64;

    /// <summary>
    /// Each repair parses the text again, so repairs also stop once they would re-read more than this many characters
    /// in all: a file under 256 KB may have <see cref="MaxRepairs"/>, an 8 MB manifest 2 (Argo's own files need at most 3).
    /// </summary>
    public const long RepairBudgetChars = 16L * 1024 * 1024;

    /// <summary>Every document of the stream, in order; an empty stream gives an empty list.</summary>
    public static IReadOnlyList<YNode> Load(string text, string source)
    {
        // Each retry repairs one scalar that Go's parser accepts and YamlDotNet does not (QuotedScalarIndent);
        // the bounds keep a hostile file from looping or costing more than a few parses.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return LoadOnce(text, source);
            }
            catch (YamlException ex) when (attempt < MaxRepairs && (attempt + 1L) * text.Length <= RepairBudgetChars && ex.Message.Contains(QuotedScalarIndent.ScannerMessage, StringComparison.Ordinal) &&
                                           QuotedScalarIndent.Reindent(text, (int)ex.Start.Line, (int)ex.Start.Column) is { } repaired)
            {
                text = repaired;
            }
            catch (YamlException ex)
            {
                var (line, column, message) = YamlErrorPosition.Locate(text, ex, Clean(ex.Message));
                throw Fail(source, line, column, "malformed YAML: " + message);
            }
        }
    }

    private static List<YNode> LoadOnce(string text, string source)
    {
        var parser = new Parser(new StringReader(text));
        var state = new LoadState(parser, source);
        try
        {
            parser.Consume<StreamStart>();
            var documents = new List<YNode>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                state.Anchors.Clear();
                documents.Add(state.ReadNode(depth: 1));
                parser.Consume<DocumentEnd>();
            }

            parser.Consume<StreamEnd>();
            return documents;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException when the text ends inside a flow collection.
            var (line, column, message) = YamlErrorPosition.Locate(text, null, "unexpected end of the file (an unclosed '[', '{' or quote?)");
            throw Fail(source, line, column, "malformed YAML: " + message);
        }
        catch (OverflowException)
        {
            throw Fail(source, 0, 0, "alias expansion too large (possible YAML alias bomb)");
        }
    }

    internal static ValidationException Fail(string source, int line, int column, string message) =>
        new([new Diagnostic(new SourceLocation(source, line, column), string.Empty, message)]);

    private static string Clean(string message)
    {
        var cleaned = MarkPrefix().Replace(message, string.Empty).Trim();
        return cleaned.Length == 0 ? "syntax error" : char.ToLowerInvariant(cleaned[0]) + cleaned[1..];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkPrefix();

    private sealed class LoadState(Parser parser, string source)
    {
        private int _aliases;

        public Dictionary<string, YNode> Anchors { get; } = new(StringComparer.Ordinal);

        public YNode ReadNode(int depth)
        {
            var current = parser.Current ?? throw Fail(source, 0, 0, "malformed YAML: unexpected end of input");
            var line = (int)current.Start.Line;
            var column = (int)current.Start.Column;
            if (depth > MaxDepth)
            {
                throw Fail(source, line, column, $"nesting deeper than {MaxDepth} levels");
            }

            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (++_aliases > MaxAliases)
                    {
                        throw Fail(source, line, column, $"more than {MaxAliases} aliases (possible YAML alias bomb)");
                    }

                    return Anchors.TryGetValue(alias.Value.Value, out var target)
                        ? target
                        : throw Fail(source, line, column, $"alias *{alias.Value.Value} refers to no anchor");
                case Scalar scalar:
                    parser.MoveNext();
                    return Remember(scalar.Anchor, new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column));
                case SequenceStart start:
                    parser.MoveNext();
                    var sequence = new YSequence(line, column);
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        sequence.Add(ReadNode(depth + 1));
                        CheckSize(sequence, line, column);
                    }

                    return Remember(start.Anchor, sequence);
                case MappingStart start:
                    parser.MoveNext();
                    return Remember(start.Anchor, ReadMapping(depth, line, column));
                default:
                    throw Fail(source, line, column, $"malformed YAML: unexpected {current.GetType().Name}");
            }
        }

        private YMapping ReadMapping(int depth, int line, int column)
        {
            var mapping = new YMapping(line, column);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(depth + 1);
                if (keyNode is not YScalar key)
                {
                    throw Fail(source, keyNode.Line, keyNode.Column, "mapping keys must be plain strings");
                }

                var value = ReadNode(depth + 1);
                if (!mapping.Add(key, value))
                {
                    throw Fail(source, key.Line, key.Column, $"duplicate key '{key.Value}'");
                }

                CheckSize(mapping, line, column);
            }

            return mapping;
        }

        private void CheckSize(YNode node, int line, int column)
        {
            if (node.ExpandedSize > MaxExpandedNodes)
            {
                throw Fail(source, line, column,
                    $"document expands to more than {MaxExpandedNodes} nodes (possible YAML alias bomb)");
            }
        }

        private YNode Remember(AnchorName anchor, YNode node)
        {
            if (!anchor.IsEmpty)
            {
                Anchors[anchor.Value] = node;
            }

            return node;
        }
    }
}
