using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace ArgoFlow.Cli;

/// <summary>
/// `--help` with an Examples section after the options, as kubectl and argo print it. Commands write their
/// examples at the end of their description ("Examples:" paragraph); <see cref="Install"/> moves that paragraph
/// out, so a parent's command list shows only the summary, and this action prints it under the command's own help.
/// </summary>
internal sealed class HelpWithExamples : SynchronousCommandLineAction
{
    private const string Marker = "\n\nExamples:\n";
    private static readonly ConditionalWeakTable<Command, string> Examples = [];
    private readonly HelpAction inner;

    private HelpWithExamples(HelpAction inner) => this.inner = inner;

    /// <summary>As the built-in help: `generate --help` shows help even though --file is required.</summary>
    public override bool ClearsParseErrors => true;

    /// <summary>The examples of <paramref name="command"/>, or null.</summary>
    public static string? For(Command command) => Examples.TryGetValue(command, out var text) ? text : null;

    public static void Install(RootCommand root)
    {
        Split(root);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                help.Action = new HelpWithExamples(action);
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = inner.Invoke(parseResult);
        if (For(parseResult.CommandResult.Command) is { } examples)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            output.WriteLine(examples);
            output.WriteLine();
        }

        return code;
    }

    private static void Split(Command command)
    {
        var text = command.Description?.ReplaceLineEndings("\n");
        var at = text?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at >= 0)
        {
            command.Description = text![..at];
            Examples.AddOrUpdate(command, text[(at + Marker.Length)..].TrimEnd());
        }

        foreach (var sub in command.Subcommands)
        {
            Split(sub);
        }
    }
}
