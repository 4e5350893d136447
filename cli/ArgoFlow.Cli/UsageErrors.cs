using System.CommandLine;
using System.CommandLine.Parsing;

namespace ArgoFlow.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into the house format: one <c>error:</c> line per problem in words a
/// user reads ("expected an integer", never a .NET type name) and one <c>hint:</c> - the closest command or
/// option for a misspelt word (as git, kubectl and argo do), else where to find the options.
/// </summary>
internal static class UsageErrors
{
    public static (IReadOnlyList<string> Errors, string Hint) Describe(ParseResult parse)
    {
        var errors = new List<string>();
        var suggestions = new List<string>();
        var command = parse.CommandResult.Command;
        var unknownOption = parse.Errors.Any(e => Unmatched(e.Message)?.StartsWith('-') == true);
        // A misspelt command word comes first; the options after it belong to the command meant, not reported.
        var unknownCommand = parse.Errors.Select(e => Unmatched(e.Message)).FirstOrDefault(w => w is not null) is { } first && !first.StartsWith('-');
        var reported = 0;
        foreach (var error in parse.Errors)
        {
            if (error.Message == "Required command was not provided." && errors.Count + parse.Errors.Count > 1)
            {
                // Follows from an unknown command word, which is reported with its suggestion.
                continue;
            }

            if (Unmatched(error.Message) is { } word)
            {
                if ((unknownCommand && reported++ > 0) || (!unknownCommand && unknownOption && !word.StartsWith('-')))
                {
                    // The rest of a misspelt command's line, or the value of an unknown option: one error is enough.
                    continue;
                }

                var closest = Closest(word, Candidates(command, word.StartsWith('-')));
                errors.Add(word.StartsWith('-')
                    ? $"unknown option '{word}' for `{Path(parse.CommandResult)}`"
                    : $"unknown command or argument '{word}' for `{Path(parse.CommandResult)}`");
                if (closest is not null)
                {
                    suggestions.Add($"did you mean '{closest}'?");
                }
            }
            else
            {
                errors.Add(TypeError(error) ?? Sentence(error.Message));
            }
        }

        var hint = suggestions.Count > 0
            ? string.Join(" ", suggestions.Distinct(StringComparer.Ordinal)) + $" (see `{Path(parse.CommandResult)} --help`)"
            : $"see `{Path(parse.CommandResult)} --help` for the commands and options";
        return (errors, hint);
    }

    /// <summary>The closest name by edit distance, when it is close enough to be a misspelling.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var bare = word.TrimStart('-');
        return candidates
            .Select(c => (Name: c, Distance: ArgoFlow.Core.Errors.NameSuggestions.Distance(bare, c.TrimStart('-'))))
            .Where(c => c.Distance <= Math.Max(1, bare.Length / 3) || c.Name.TrimStart('-').StartsWith(bare, StringComparison.Ordinal) && bare.Length >= 3)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    private static string? Unmatched(string message)
    {
        // "Unrecognized command or argument 'genrate'." is the one message that carries the unknown word.
        const string Prefix = "Unrecognized command or argument '";
        return message.StartsWith(Prefix, StringComparison.Ordinal) && message.EndsWith("'.", StringComparison.Ordinal)
            ? message[Prefix.Length..^2]
            : null;
    }

    private static IEnumerable<string> Candidates(Command command, bool options)
    {
        if (!options)
        {
            return command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        }

        var all = new List<Option>(command.Options);
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            all.AddRange(parent.Options.Where(o => o.Recursive));
        }

        return all.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }

    /// <summary>"Cannot parse argument 'abc' for option '--repeat' as expected type 'System.Int32'." in words.</summary>
    private static string? TypeError(ParseError error)
    {
        if (!error.Message.StartsWith("Cannot parse argument '", StringComparison.Ordinal))
        {
            return null;
        }

        var (name, type, token) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType, o.Tokens.Count > 0 ? o.Tokens[^1].Value : string.Empty),
            ArgumentResult a => (a.Argument.Name, a.Argument.ValueType, a.Tokens.Count > 0 ? a.Tokens[^1].Value : string.Empty),
            _ => (null, null, null),
        };
        return name is null ? null : $"{name} '{token}': expected {Expected(type!)}";
    }

    private static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        return t == typeof(int) || t == typeof(long) || t == typeof(short) ? "an integer"
            : t == typeof(double) || t == typeof(float) || t == typeof(decimal) ? "a number"
            : t == typeof(bool) ? "true or false"
            : t == typeof(Uri) ? "a URL"
            : "a " + t.Name.ToLowerInvariant();
    }

    private static string Sentence(string message) =>
        message.Length > 1 && message.EndsWith('.') ? char.ToLowerInvariant(message[0]) + message[1..^1] : message;

    private static string Path(SymbolResult result)
    {
        var names = new List<string>();
        for (var r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Add(c.Command is RootCommand ? "argoflow" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
