using System.CommandLine;
using ArgoFlow.Cluster.Submit;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow submit --from workflowtemplate/NAME | -f FILE`: create a workflow as `argo submit` does, optionally
/// watch it (live view on stderr) or wait for it (exit code from its final phase).
/// </summary>
internal static class SubmitCommand
{
    public static Command Create()
    {
        var options = new SubmitOptions();
        var command = new Command("submit", """
            Start a workflow from a WorkflowTemplate on the cluster, a Workflow file, or a pipeline spec (generated,
            applied and submitted). Flags as in `argo submit`: the file is an argument, -f is --parameter-file.

            Examples:
              argoflow submit --from workflowtemplate/classic -p input=s3://images/in.jpg --watch
              argoflow submit workflow.yaml -n argo --wait -o name
              argoflow submit samples/pipelines/privacy.yaml --mode plugin -f params.yaml --wait
              argoflow submit --from wftmpl/classic --dry-run -o yaml
            """);
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => new SubmitRun(options, parse).RunAsync(cancellationToken));
        return command;
    }

    /// <summary>"workflowtemplate/NAME" (also argo's short forms) to NAME.</summary>
    public static string TemplateName(string from)
    {
        var slash = from.IndexOf('/', StringComparison.Ordinal);
        var kind = slash < 0 ? "" : from[..slash].ToLowerInvariant();
        if (kind is not ("workflowtemplate" or "workflowtemplates" or "wftmpl") || slash == from.Length - 1)
        {
            throw new ArgoFlow.Core.Errors.ArgoFlowException(ArgoFlow.Core.Errors.ExitCode.Usage,
                $"--from \"{from}\": expected workflowtemplate/NAME");
        }

        return from[(slash + 1)..];
    }

    public static ArgoFlow.Templates.Generation.GenerationMode Mode(string? text) => text switch
    {
        "http" or null => ArgoFlow.Templates.Generation.GenerationMode.Http,
        "plugin" => ArgoFlow.Templates.Generation.GenerationMode.Plugin,
        "container" => ArgoFlow.Templates.Generation.GenerationMode.Container,
        _ => throw new ArgoFlow.Core.Errors.ArgoFlowException(ArgoFlow.Core.Errors.ExitCode.Usage, $"--mode \"{text}\": expected http, plugin or container"),
    };

    internal static SubmitRequest Request(SubmitOptions options, ParseResult parse) => new()
    {
        Parameters = Merge(
            parse.GetValue(options.ParameterFile) is { } file ? ParameterFile.Read(file) : [],
            (parse.GetValue(options.Parameters) ?? []).Select(p => KeyValueParser.Parse(p, "-p"))),
        GenerateName = parse.GetValue(options.GenerateName),
        Labels = KeyValueParser.ParseLabels(parse.GetValue(options.Labels) ?? []),
        ServiceAccount = parse.GetValue(options.ServiceAccount),
        DryRun = parse.GetValue(options.DryRun),
    };

    /// <summary>The file's parameters, then the -p values: a name given twice keeps its place and takes the last value.</summary>
    internal static List<KeyValuePair<string, string>> Merge(IEnumerable<KeyValuePair<string, string>> file, IEnumerable<KeyValuePair<string, string>> flags)
    {
        var merged = new List<KeyValuePair<string, string>>();
        foreach (var pair in file.Concat(flags))
        {
            var at = merged.FindIndex(p => p.Key == pair.Key);
            if (at >= 0)
            {
                merged[at] = pair;
            }
            else
            {
                merged.Add(pair);
            }
        }

        return merged;
    }
}
