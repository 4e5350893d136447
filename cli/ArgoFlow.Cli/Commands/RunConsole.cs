using Spectre.Console;

namespace ArgoFlow.Cli.Commands;

/// <summary>A Spectre console over stderr: colours and live progress only when stderr is a terminal.</summary>
internal static class RunConsole
{
    /// <summary>True when <paramref name="stderr"/> is the process's stderr and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;

    /// <param name="stderr">The writer the console writes to.</param>
    /// <param name="width">Columns to fit; null: the terminal's width, or 200 for a file or pipe.</param>
    public static IAnsiConsole For(TextWriter stderr, int? width = null)
    {
        var terminal = IsTerminal(stderr);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stderr),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (width is not null)
        {
            console.Profile.Width = width.Value;
        }
        else if (!terminal)
        {
            // A file or pipe has no width; keep the table on one line per step.
            console.Profile.Width = 200;
        }

        return console;
    }
}
