using System.CommandLine;
using System.Reflection;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow version`: the same text as `--version`, for scripts that prefer a command.</summary>
internal static class VersionCommand
{
    public static string Text =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "0.0.0";

    public static Command Create()
    {
        var command = new Command("version", """
            Print the ArgoFlow version.

            Examples:
              argoflow version
              argoflow --version
            """);
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(Text);
            return 0;
        });
        return command;
    }
}
