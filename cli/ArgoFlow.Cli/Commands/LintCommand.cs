using System.CommandLine;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Lint;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow lint`: pipeline specs and Argo Workflow/WorkflowTemplate YAML, every problem with its line.</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Pipeline specs, Argo WorkflowTemplate/Workflow YAML, generated manifests (multi-document files are fine), or folders: every *.yaml/*.yml under them, as apply -f DIR.",
            Arity = ArgumentArity.OneOrMore,
        };
        var argoVersion = ArgoVersionOption.Create("The lowest Argo release the workflows must work on: fields it lacks are problems.");
        var command = new Command("lint", """
            Check pipeline specs and Argo workflows: entrypoint and template references, {{...}} tags (also inside
            {{=...}} expressions), DAG dependencies and cycles, names, one template type per template.
            Problems go to stdout as FILE:LINE:COLUMN: PATH: MESSAGE; exit 3 if there is any.

            Examples:
              argoflow lint samples/pipelines/*.yaml
              argoflow lint deploy/                      # a folder: every YAML file under it
              argoflow lint deploy/classic/workflowtemplate.yaml
              argoflow lint --argo-version v3.7 deploy/classic/workflowtemplate.yaml
            """)
        {
            files, argoVersion,
        };
        command.SetAction(parse =>
        {
            var target = ArgoVersionOption.Read(parse, argoVersion);
            var results = parse.GetValue(files)!.SelectMany(Expand).Select(f => ManifestLinter.LintFile(f, target)).ToList();
            foreach (var problem in results.SelectMany(r => r.Problems))
            {
                parse.InvocationConfiguration.Output.WriteLine(problem.ToString());
            }

            var bad = results.Count(r => !r.Ok);
            var count = results.Sum(r => r.Problems.Count);
            parse.InvocationConfiguration.Error.WriteLine(bad == 0
                ? $"{results.Count} file(s) ok"
                : $"error: {count} problem(s) in {bad} of {results.Count} file(s)");
            return (int)(bad == 0 ? ExitCode.Ok : ExitCode.InvalidInput);
        });
        return command;
    }

    /// <summary>A folder's *.yaml/*.yml files (recursively, sorted, kustomization files aside) as apply -f DIR reads them.</summary>
    private static IEnumerable<string> Expand(string path)
    {
        if (!Directory.Exists(path))
        {
            return [path];
        }

        var found = Cluster.Apply.ManifestReader.FilesUnder(path);
        return found.Count > 0
            ? found
            : throw new ArgoFlowException(ExitCode.InvalidInput, $"{path}: the folder holds no *.yaml or *.yml files");
    }
}
