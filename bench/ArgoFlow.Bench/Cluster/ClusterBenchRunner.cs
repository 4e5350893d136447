using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.Kube;
using ArgoFlow.Cluster.Submit;
using ArgoFlow.Cluster.Watch;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Bench.Cluster;

/// <summary>
/// Runs the templates interleaved (A B C A B C ...) so that cluster load drifts affect every mode alike: each
/// workflow is submitted from its template, watched to the end, and timed by the client and by its status.
/// All templates and parameters are checked before the first workflow is created.
/// </summary>
public sealed class ClusterBenchRunner
{
    private readonly ArgoClient _client;
    private readonly TimeProvider _time;

    public ClusterBenchRunner(ArgoClient client, TimeProvider time)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public async Task<ClusterBenchResult> RunAsync(ClusterBenchOptions options, IProgress<ClusterBenchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Templates.Count == 0 || options.Runs < 1 || options.Warmup < 0)
        {
            throw new ArgoFlowException(ExitCode.Usage, "bench --cluster needs at least one --from template, --runs >= 1 and --warmup >= 0");
        }

        var modes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in options.Templates)
        {
            var template = await _client.GetWorkflowTemplateAsync(name, cancellationToken).ConfigureAwait(false);
            WorkflowFactory.FromTemplate(template, _client.Namespace, Request(options, name, 0));
            modes[name] = template.Metadata.Labels?.GetValueOrDefault("argoflow.io/mode");
        }

        var samples = new List<ClusterRunSample>();
        var total = (options.Runs + options.Warmup) * options.Templates.Count;
        for (var i = 0; i < options.Runs + options.Warmup; i++)
        {
            foreach (var name in options.Templates)
            {
                var sample = await RunOneAsync(options, name, i, i < options.Warmup, cancellationToken).ConfigureAwait(false);
                samples.Add(sample);
                progress?.Report(new ClusterBenchProgress(samples.Count, total, sample));
            }
        }

        return new ClusterBenchResult(samples, modes);
    }

    private async Task<ClusterRunSample> RunOneAsync(ClusterBenchOptions options, string template, int iteration, bool warmup, CancellationToken cancellationToken)
    {
        var observation = new WorkflowObservation(_time, null, _time.GetUtcNow());
        var created = await new WorkflowSubmitter(_client)
            .SubmitFromTemplateAsync(template, Request(options, template, iteration), cancellationToken).ConfigureAwait(false);
        var name = created.Workflow.Name;
        var waiter = new WorkflowWaiter(new WorkflowWatcher(_client, _time), _time);
        try
        {
            var final = await waiter.WaitAsync(name, observation, options.WorkflowTimeout, cancellationToken).ConfigureAwait(false);
            return Sample(template, iteration, warmup, final, observation);
        }
        catch (ArgoFlowException ex) when (ex.ExitCode == ExitCode.Timeout)
        {
            var wall = (_time.GetUtcNow() - observation.SubmittedAt!.Value).TotalMilliseconds;
            return new ClusterRunSample(template, iteration, warmup, name, "Timeout", wall, null, [], ex.Message);
        }
    }

    private static SubmitRequest Request(ClusterBenchOptions options, string template, int iteration) => new()
    {
        Parameters = options.Parameters,
        Labels = new Dictionary<string, string> { ["argoflow.io/bench"] = "cluster", ["argoflow.io/bench-run"] = iteration.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        GenerateName = $"{template}-bench-",
    };

    private static ClusterRunSample Sample(string template, int iteration, bool warmup, WorkflowSnapshot final, WorkflowObservation observation)
    {
        var status = final.Workflow.Status;
        var steps = (status?.Nodes ?? new Dictionary<string, NodeStatus>())
            .Where(n => n.Value.IsStep)
            .OrderBy(n => n.Value.StartedAt ?? DateTimeOffset.MaxValue)
            .ThenBy(n => n.Value.DisplayName, StringComparer.Ordinal)
            .Select(n => new ClusterStepSample(
                n.Value.DisplayName ?? n.Key,
                n.Value.Phase ?? "",
                Ms(n.Value.StartedAt, n.Value.FinishedAt),
                observation.Steps.GetValueOrDefault(n.Key)?.Duration?.TotalMilliseconds))
            .ToList();
        return new ClusterRunSample(
            template, iteration, warmup, final.Name, final.Phase ?? "", observation.WallTime?.TotalMilliseconds ?? 0,
            Ms(status?.StartedAt, status?.FinishedAt), steps, status?.Message);
    }

    private static double? Ms(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e ? (e - s).TotalMilliseconds : null;
}
