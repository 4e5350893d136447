using System.CommandLine;

namespace ArgoFlow.Cli.Commands;

/// <summary>The flags of `argoflow submit`, named as in `argo submit`.</summary>
internal sealed class SubmitOptions
{
    public ClusterOptions Cluster { get; } = new();

    public Option<string?> From { get; } = new("--from") { Description = "Submit from a template on the cluster: workflowtemplate/NAME." };

    public Argument<string?> File { get; } = new("FILE")
    {
        Description = "A Workflow manifest, or a pipeline spec (generated in memory, its templates applied, then submitted).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>argo submit's -f: a file of parameters, not the workflow (that is the FILE argument, as in argo).</summary>
    public Option<string?> ParameterFile { get; } = new("--parameter-file", "-f")
    {
        Description = "A YAML or JSON file of parameters, name: value; -p values override it (as argo submit -f).",
        HelpName = "FILE",
    };

    public Option<string[]> Parameters { get; } = new("--parameter", "-p")
    {
        Description = "A workflow parameter NAME=VALUE (repeatable); names the template does not declare are rejected before anything is created.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> GenerateName { get; } = new("--generate-name") { Description = "Name prefix (default: the template name and '-')." };

    public Option<string[]> Labels { get; } = new("--labels", "-l") { Description = "Labels to add, k=v[,k=v] (repeatable)." };

    public Option<string?> ServiceAccount { get; } = new("--service-account") { Description = "Run the workflow's pods (and agent) as this service account." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Print the workflow that would be created; create nothing." };

    public Option<bool> Watch { get; } = new("--watch") { Description = "Follow the workflow live on stderr until it ends (Ctrl+C stops watching, deletes nothing); exit code as --wait." };

    public Option<bool> Wait { get; } = new("--wait") { Description = "Wait until the workflow ends: exit 0 Succeeded, 5 Failed/Error, 6 on --timeout." };

    public Option<string?> Timeout { get; } = new("--timeout") { Description = "With --wait/--watch: stop waiting after this long (30s, 5m); the workflow keeps running." };

    public Option<string> Mode { get; } = new("--mode")
    {
        Description = "With -f SPEC: how the generated steps call the services - http, plugin or container.",
        DefaultValueFactory = _ => "http",
    };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Output: name, json, yaml or wide (default: a summary)." };

    public Option<string> ControllerNamespace { get; } = new("--controller-namespace")
    {
        Description = "With --wait/--watch: namespace of the workflow-controller whose disableAgentPodCreation tells whether http/plugin steps ran in the external agent (default argo), as get.",
        DefaultValueFactory = _ => "argo",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        foreach (var option in new Option[] { From, ParameterFile, Parameters, GenerateName, Labels, ServiceAccount, DryRun, Watch, Wait, Timeout, Mode, Output, ControllerNamespace })
        {
            command.Options.Add(option);
        }

        Cluster.AddTo(command);
    }
}
