using System.CommandLine;
using ArgoFlow.Cli.Commands;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cli;

/// <summary>Builds the command tree and runs one invocation, mapping failures to the exit codes in the README.</summary>
internal static class CliApp
{
    /// <summary>Shown with a stack trace only when given.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print stack traces and debug detail on errors.",
        Recursive = true,
    };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "ArgoFlow: fast image pipelines on Argo Workflows, served by warm gRPC services instead of a pod per step.");
        root.Options.Add(Verbose);
        foreach (var command in CommandRegistry.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync("hint: run with --help to see the commands and options");
            return (int)ExitCode.Usage;
        }

        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (ArgoFlowException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            if (ex.Hint is not null)
            {
                await stderr.WriteLineAsync($"hint: {ex.Hint}");
            }

            if (parse.GetValue(Verbose))
            {
                await stderr.WriteLineAsync(ex.ToString());
            }

            return (int)ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("error: cancelled");
            return 130;
        }
#pragma warning disable CA1031 // The last line of defence: a bug is reported, never a raw crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await stderr.WriteLineAsync($"error: unexpected failure: {ex.GetType().Name}: {ex.Message}");
            await stderr.WriteLineAsync(parse.GetValue(Verbose)
                ? ex.ToString()
                : "hint: this is a bug in ArgoFlow; run again with --verbose and report the stack trace");
            return (int)ExitCode.Bug;
        }
    }
}
