using System.CommandLine;
using ArgoFlow.Cluster.Apply;
using ArgoFlow.Cluster.Controller;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Rendering;
using ArgoFlow.Cluster.Submit;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.Core.Errors;
using ArgoFlow.Templates.Generation;

namespace ArgoFlow.Cli.Commands;

/// <summary>One `argoflow submit` invocation: read the flags, create the workflow, then watch/wait if asked.</summary>
internal sealed class SubmitRun
{
    private readonly SubmitOptions _options;
    private readonly ParseResult _parse;

    public SubmitRun(SubmitOptions options, ParseResult parse)
    {
        _options = options;
        _parse = parse;
    }

    private TextWriter Out => _parse.InvocationConfiguration.Output;

    private TextWriter Err => _parse.InvocationConfiguration.Error;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var from = _parse.GetValue(_options.From);
        var file = _parse.GetValue(_options.File);
        if ((from is null) == (file is null))
        {
            throw new ArgoFlowException(ExitCode.Usage, "give exactly one of --from workflowtemplate/NAME or a FILE argument",
                "as in `argo submit`: argoflow submit FILE, or argoflow submit --from workflowtemplate/NAME (-f is --parameter-file)");
        }

        var format = _parse.GetValue(_options.Output);
        SubmitOutput.Check(format);
        var watch = _parse.GetValue(_options.Watch);
        var wait = watch || _parse.GetValue(_options.Wait);
        var timeoutText = _parse.GetValue(_options.Timeout);
        TimeSpan? timeout = timeoutText is null ? null : GoDuration.Parse(timeoutText, "--timeout");
        var request = SubmitCommand.Request(_options, _parse);
        if (request.DryRun && wait)
        {
            throw new ArgoFlowException(ExitCode.Usage, "--dry-run creates nothing, so there is nothing to --wait for or --watch");
        }

        var documents = file is null ? null : await ManifestReader.ReadPathAsync(file, cancellationToken);
        var spec = documents is not null && SpecSubmitter.IsPipelineSpec(documents) ? SpecSubmitter.Read(file!) : null;
        var connectionOptions = _options.Cluster.Read(_parse);
        if (spec is not null)
        {
            if (connectionOptions.Namespace is { } given && given != spec.Namespace)
            {
                throw new ArgoFlowException(ExitCode.InvalidInput, $"{file}: the pipeline's namespace \"{spec.Namespace}\" differs from -n {given}");
            }

            connectionOptions = connectionOptions with { Namespace = spec.Namespace };
        }

        using var connection = KubeConnection.Open(connectionOptions);
        var api = new KubeApiClient(connection);
        var client = new ArgoClient(api);
        var submitter = new WorkflowSubmitter(client);
        var time = TimeProvider.System;
        var submittedAt = time.GetUtcNow();
        SubmitResult result;
        if (spec is not null)
        {
            var options = new GeneratorOptions(SubmitCommand.Mode(_parse.GetValue(_options.Mode)));
            var (applied, submitted) = await new SpecSubmitter(client).SubmitAsync(spec, options, request, cancellationToken);
            foreach (var outcome in applied)
            {
                await Err.WriteLineAsync(outcome.ToString());
            }

            result = submitted;
        }
        else
        {
            result = documents is null
                ? await submitter.SubmitFromTemplateAsync(SubmitCommand.TemplateName(from!), request, cancellationToken)
                : await SubmitFileAsync(submitter, documents, request, cancellationToken);
        }

        if (!wait || !result.Created)
        {
            await SubmitOutput.WriteAsync(Out, result.Workflow, format ?? (request.DryRun ? "yaml" : null), null);
            return 0;
        }

        var name = result.Workflow.Name;
        await Err.WriteLineAsync($"workflow {name} submitted in namespace {connection.Namespace}");
        var observation = new WorkflowObservation(time, watch ? new LiveView(Err) : null, submittedAt);
        var waiter = new WorkflowWaiter(new WorkflowWatcher(client, time), time);
        var store = ObservationStore.Default();
        try
        {
            var final = await waiter.WaitAsync(name, observation, timeout, cancellationToken);
            await store.SaveAsync(connection.Namespace, observation.ToRecord(name), CancellationToken.None);
            // The same agent line as `argoflow get`: whether the http/plugin steps ran in Argo's agent pod or the external agent.
            var agent = format == "name" ? null
                : await AgentRouteReader.ReadAsync(api, final.Workflow, _parse.GetValue(_options.ControllerNamespace)!, cancellationToken);
            await SubmitOutput.WriteAsync(Out, final, format, observation.ToRecord(name), agent);
            WorkflowWaiter.ThrowIfNotSucceeded(final);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.SaveAsync(connection.Namespace, observation.ToRecord(name), CancellationToken.None);
            await Err.WriteLineAsync($"stopped watching; workflow {name} keeps running (nothing was deleted): argoflow get {name} -n {connection.Namespace}");
            return 130;
        }
    }

    private static async Task<SubmitResult> SubmitFileAsync(
        WorkflowSubmitter submitter, IReadOnlyList<ManifestDocument> documents, SubmitRequest request, CancellationToken cancellationToken)
    {
        var workflows = documents.Where(d => d.Kind == "Workflow").ToList();
        if (workflows.Count == 1 && documents.Count == 1)
        {
            return await submitter.SubmitManifestAsync(workflows[0], request, cancellationToken);
        }

        var where = documents.Count == 0 ? "the file" : documents[0].File;
        throw new ArgoFlowException(ExitCode.InvalidInput,
            $"{where}: expected one argoproj.io/v1alpha1 Workflow document (found {documents.Count} document(s), {workflows.Count} Workflow)",
            "to start a WorkflowTemplate use --from workflowtemplate/NAME");
    }
}
