using System.CommandLine;
using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Kube;

namespace ArgoFlow.Cli.Commands;

/// <summary>`argoflow apply -f DIR|FILE [--all]`: create or update the generated objects, idempotently.</summary>
internal static class ApplyCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--filename", "-f")
        {
            Description = "A YAML file, or a folder whose *.yaml/*.yml files (recursively) are applied.",
            Required = true,
        };
        var all = new Option<bool>("--all")
        {
            Description = "Also apply the service manifests (Deployments, Services, ConfigMaps, RBAC), not only the WorkflowTemplates.",
        };
        var cluster = new ClusterOptions();
        var command = new Command("apply", "Create or update generated WorkflowTemplates (and with --all the service manifests) on the cluster; applying twice changes nothing.")
        {
            file,
            all,
        };
        cluster.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var documents = await ManifestReader.ReadPathAsync(parse.GetValue(file)!, cancellationToken);
            using var connection = KubeConnection.Open(cluster.Read(parse));
            var (objects, skipped) = ApplyPlan.Build(documents, connection.Namespace, cluster.NamespaceGiven(parse), parse.GetValue(all));
            var applier = new Applier(new KubeApiClient(connection));
            var counts = new Dictionary<ApplyAction, int>();
            foreach (var planned in objects)
            {
                var outcome = await applier.ApplyAsync(planned, cancellationToken);
                counts[outcome.Action] = counts.GetValueOrDefault(outcome.Action) + 1;
                await output.WriteLineAsync(outcome.ToString());
            }

            var summary = $"{objects.Count} object(s) in namespace {connection.Namespace}: {counts.GetValueOrDefault(ApplyAction.Created)} created, " +
                          $"{counts.GetValueOrDefault(ApplyAction.Updated)} updated, {counts.GetValueOrDefault(ApplyAction.Unchanged)} unchanged";
            if (skipped > 0)
            {
                summary += $"; skipped {skipped} service manifest(s) (add --all to apply them)";
            }

            await error.WriteLineAsync(summary);
            return 0;
        });
        return command;
    }
}
