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

        HelpWithExamples.Install(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = BuildRoot();
        // As argo and kubectl: the command alone, or a command group alone (`argoflow models`), shows its help.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0 && parse.Errors.All(e => e.Message == "Required command was not provided."))
        {
            parse = root.Parse([.. args, "--help"]);
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            var (errors, hint) = UsageErrors.Describe(parse);
            foreach (var error in errors)
            {
                await stderr.WriteLineAsync($"error: {error}");
            }

            await stderr.WriteLineAsync($"hint: {hint}");
            return (int)ExitCode.Usage;
        }

        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (Exception ex) when (Anticipated(ex) is { } known)
        {
            return await ReportAsync(known, parse.GetValue(Verbose) ? ex : null, stderr);
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

    /// <summary>
    /// The user-facing failure inside <paramref name="ex"/>: an <see cref="ArgoFlowException"/> itself or wrapped
    /// (a type initializer, a task), or a native library the machine lacks.
    /// </summary>
    private static ArgoFlowException? Anticipated(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ArgoFlowException known:
                    return known;
                case DllNotFoundException missing:
                    return ArgoFlow.Services.Imaging.NativeRuntime.Missing(missing.Message);
            }
        }

        return null;
    }

    private static async Task<int> ReportAsync(ArgoFlowException ex, Exception? verbose, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"error: {ex.Message}");
        if (ex.Hint is not null)
        {
            await stderr.WriteLineAsync($"hint: {ex.Hint}");
        }

        if (verbose is not null)
        {
            await stderr.WriteLineAsync(verbose.ToString());
        }

        return (int)ex.ExitCode;
    }
}
