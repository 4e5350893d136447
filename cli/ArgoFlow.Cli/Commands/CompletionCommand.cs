using System.CommandLine;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow completion bash|zsh|fish`: prints a script that asks argoflow itself for completions through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive, so commands, options and option values
/// (--mode, -o, step types) complete from the same command tree the parser uses.
/// </summary>
internal static class CompletionCommand
{
    private const string Bash = """
        # argoflow completion for bash: source this file, or add `source <(argoflow completion bash)` to ~/.bashrc
        _argoflow_complete() {
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(argoflow "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _argoflow_complete argoflow

        """;

    private const string Zsh = """
        # argoflow completion for zsh: add `source <(argoflow completion zsh)` to ~/.zshrc (after compinit)
        _argoflow_complete() {
            local -a words_found
            words_found=("${(@f)$(argoflow "[suggest:${#BUFFER}]" "$BUFFER" 2>/dev/null)}")
            compadd -a words_found
        }
        compdef _argoflow_complete argoflow

        """;

    private const string Fish = """
        # argoflow completion for fish: argoflow completion fish > ~/.config/fish/completions/argoflow.fish
        complete -c argoflow -f -a '(set -l line (commandline -cp); argoflow "[suggest:"(string length -- $line)"]" "$line" 2>/dev/null)'

        """;

    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", """
            Print a shell completion script (commands, options and their values complete from argoflow itself).

            Examples:
              argoflow completion bash > ~/.local/share/bash-completion/completions/argoflow
              source <(argoflow completion bash)                 # this shell only
              argoflow completion zsh > "${fpath[1]}/_argoflow"
              argoflow completion fish > ~/.config/fish/completions/argoflow.fish
            """)
        {
            shell,
        };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(parse.GetValue(shell) switch
            {
                "zsh" => Zsh,
                "fish" => Fish,
                _ => Bash,
            });
            return 0;
        });
        return command;
    }
}
