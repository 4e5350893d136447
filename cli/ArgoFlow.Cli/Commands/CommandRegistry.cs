using System.CommandLine;

namespace ArgoFlow.Cli.Commands;

/// <summary>Every top-level command, in the order `argoflow --help` lists them. One line per command.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> All()
    {
        yield return GenerateCommand.Create();
        yield return LintCommand.Create();
        yield return ServeCommand.Create();
        yield return HealthCommand.Create();
        yield return ModelsCommand.Create();
        yield return RunCommand.Create();
        yield return StepCommand.Create();
        yield return PluginCommand.Create();
        yield return AgentCommand.Create();
        yield return ApplyCommand.Create();
        yield return SubmitCommand.Create();
        yield return GetCommand.Create();
        yield return BenchCommand.Create();
        yield return OneShotCommand.Create();
        yield return VersionCommand.Create();
        yield return CompletionCommand.Create();
    }
}
