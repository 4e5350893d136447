using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ArgoFlow.TestSupport.FakeKube;

namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>
/// Plays Argo's workflow-controller with <c>disableAgentPodCreation</c> (workflow/controller/taskset.go) for workflows
/// made from generated templates: each DAG task whose dependencies succeeded gets its arguments and template
/// substituted (<see cref="ArgoTemplateSubstitution"/>: <c>{{...}}</c> and <c>{{=...}}</c>) and written to the
/// WorkflowTaskSet named after the workflow (<c>spec.tasks[nodeId]</c>, the TaskSet owned by the Workflow); results the
/// agent patches into <c>status.nodes</c> become node phases, messages and outputs; fulfilled ones are deleted from
/// both maps, and the TaskSet is labelled <c>workflows.argoproj.io/completed: "true"</c> once the workflow ends. It
/// reacts to every TaskSet change at once (a controller with no requeue delay) and creates no pod. Differences from
/// Argo: retries (retryStrategy) start their next attempt at once, without the backoff; failFast only.
/// </summary>
public sealed partial class TaskSetController : IAsyncDisposable
{
    private readonly FakeKubeStore _store;
    private readonly TimeProvider _time;
    private readonly Dictionary<(string Ns, string Name), ControllerWorkflow> _workflows = [];
    private readonly ConcurrentDictionary<(string Ns, string Name), TaskCompletionSource<JsonObject>> _finished = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<FakeEvent> _events;
    private readonly Task _loop;

    private TaskSetController(FakeKubeStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        (_, _, _events, _) = store.Subscribe(null);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Starts watching the store; workflows created from now on are run.</summary>
    public static TaskSetController Start(FakeKubeStore store, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new TaskSetController(store, time ?? TimeProvider.System);
    }

    /// <summary>Per node id: how many final results the controller read (exactly one each when nothing is duplicated).</summary>
    public ConcurrentDictionary<string, int> ResultsRead { get; } = new(StringComparer.Ordinal);

    /// <summary>Per node id: the <see cref="Stopwatch"/> timestamp when its task was written to the TaskSet.</summary>
    public ConcurrentDictionary<string, long> TaskWrittenAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Per node id: the <see cref="Stopwatch"/> timestamp when the controller saw its final result.</summary>
    public ConcurrentDictionary<string, long> ResultSeenAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Results for nodes that had already ended or that the controller never wrote: duplicates.</summary>
    public ConcurrentQueue<string> UnexpectedResults { get; } = new();

    /// <summary>The workflow once it has ended (Succeeded, Failed or Error), as stored.</summary>
    public async Task<JsonObject> WaitForCompletionAsync(string name, TimeSpan timeout, string ns = "argo")
    {
        var done = _finished.GetOrAdd((ns, name), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        if (await Task.WhenAny(done, Task.Delay(timeout)).ConfigureAwait(false) != done)
        {
            var status = _store.Get(FakeResource.Workflows, ns, name)?["status"]?.ToJsonString() ?? "(no workflow)";
            throw new TimeoutException($"workflow {ns}/{name} did not end within {timeout.TotalSeconds} s; status: {status}");
        }

        return await done.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        try
        {
            await foreach (var evt in _events.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                var key = (evt.Namespace ?? string.Empty, evt.Name);
                try
                {
                    if (evt.Resource == FakeResource.Workflows && evt.Type == "ADDED")
                    {
                        Admit(key, evt.Body);
                    }
                    else if (evt.Resource == FakeResource.WorkflowTaskSets && evt.Type != "DELETED" && _workflows.TryGetValue(key, out var run) && !run.Done)
                    {
                        Operate(run);
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
                {
                    // A workflow this fake cannot run ends in Error with the reason, instead of stopping every other one.
                    if (_workflows.TryGetValue(key, out var broken))
                    {
                        broken.Done = true;
                    }

                    SetWorkflow(key.Item1, key.Item2, s => (s["phase"], s["message"]) = ("Error", "fake controller: " + e.Message));
                    Finish(key);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Admit((string Ns, string Name) key, JsonObject workflow)
    {
        ControllerWorkflow run;
        try
        {
            run = ControllerWorkflow.From(_store, key.Ns, workflow);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException)
        {
            SetWorkflow(key.Ns, key.Name, s => (s["phase"], s["message"]) = ("Error", e.Message));
            Finish(key);
            return;
        }

        _workflows[key] = run;
        SetWorkflow(run.Namespace, run.Name, s =>
        {
            s["phase"] = "Running";
            s["startedAt"] = Now();
            s["nodes"] = new JsonObject();
        });
        Operate(run);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _store.Unsubscribe(_events);
        _stop.Dispose();
    }
}
