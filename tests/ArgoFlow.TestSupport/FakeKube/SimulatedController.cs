using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>
/// Plays the Argo workflow-controller for submitted workflows: Pending, Running, each step Running then
/// Succeeded/Failed with <c>outputs.result</c>, then the workflow's final phase - each change a MODIFIED event.
/// Step time is virtual: the <see cref="ManualClock"/> moves by <see cref="StepDuration"/> (or a per-template value)
/// per step, so status times are exact. With <see cref="AutoRun"/> off (the default) tests drive it explicitly with
/// <see cref="AdvanceAsync"/>/<see cref="RunAsync"/>; with it on, every new workflow runs to the end at once.
/// </summary>
public sealed class SimulatedController : IAsyncDisposable
{
    private readonly FakeKubeStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Ns, string Name), IEnumerator<bool>> _runs = new();
    private readonly Channel<(string Ns, string Name)> _submitted = Channel.CreateUnbounded<(string, string)>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    internal SimulatedController(FakeKubeStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>Run each new workflow to its end as soon as it is created. Default false (tests drive it).</summary>
    public bool AutoRun { get; set; }

    /// <summary>Virtual time each step takes. Default 1 s.</summary>
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per-template virtual step time, overriding <see cref="StepDuration"/>.</summary>
    public ConcurrentDictionary<string, TimeSpan> TemplateDurations { get; } = new(StringComparer.Ordinal);

    /// <summary>Per node type (HTTP, Plugin, Pod) virtual step time, used when no template value is set.</summary>
    public ConcurrentDictionary<string, TimeSpan> NodeTypeDurations { get; } = new(StringComparer.Ordinal);

    /// <summary>Steps (by display name) that fail, with the node message to report.</summary>
    public ConcurrentDictionary<string, string> FailingSteps { get; } = new(StringComparer.Ordinal);

    /// <summary>outputs.result per step display name; default <c>{"output":"s3://argoflow/WF/STEP.jpg"}</c>.</summary>
    public ConcurrentDictionary<string, string> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>Waits for the next workflow created (in manual mode) and returns its name.</summary>
    public async Task<string> WaitForSubmittedAsync(CancellationToken cancellationToken = default)
    {
        var (_, name) = await _submitted.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Makes up to <paramref name="transitions"/> status changes; returns false once the workflow ended.</summary>
    public Task<bool> AdvanceAsync(string name, int transitions = 1, string ns = "argo")
    {
        var run = _runs.GetOrAdd((ns, name), key => Transitions(key.Ns, key.Name).GetEnumerator());
        for (var i = 0; i < transitions; i++)
        {
            if (!run.MoveNext())
            {
                return Task.FromResult(false);
            }
        }

        return Task.FromResult(true);
    }

    /// <summary>Runs the workflow to its final phase.</summary>
    public async Task RunAsync(string name, string ns = "argo")
    {
        while (await AdvanceAsync(name, 1, ns).ConfigureAwait(false))
        {
        }
    }

    internal void Start()
    {
        var (_, _, live, _) = _store.Subscribe(null);
        _loop = Task.Run(async () =>
        {
            try
            {
                await foreach (var evt in live.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
                {
                    if (evt.Type == "ADDED" && evt.Resource == FakeResource.Workflows)
                    {
                        if (AutoRun)
                        {
                            await RunAsync(evt.Name, evt.Namespace!).ConfigureAwait(false);
                        }
                        else
                        {
                            _submitted.Writer.TryWrite((evt.Namespace!, evt.Name));
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    private IEnumerable<bool> Transitions(string ns, string name)
    {
        var wf = _store.Get(FakeResource.Workflows, ns, name) ?? throw new InvalidOperationException($"workflow {ns}/{name} does not exist");
        var spec = SimulatedPlan.ResolveSpec(_store, ns, wf, out var error);
        Set(ns, name, s => s["phase"] = "Pending");
        yield return true;
        if (spec is null)
        {
            Set(ns, name, s =>
            {
                s["phase"] = "Error";
                s["message"] = error;
                s["startedAt"] = Now();
                s["finishedAt"] = Now();
            });
            yield break;
        }

        var (entryType, steps) = SimulatedPlan.Build(name, spec);
        var entry = (string)spec["entrypoint"]!;
        var root = entryType.Length == 0 ? null : name;
        Set(ns, name, s =>
        {
            s["phase"] = "Running";
            s["startedAt"] = Now();
            s["progress"] = $"0/{steps.Count}";
            s["nodes"] = new JsonObject();
            if (root is not null)
            {
                s["nodes"]![root] = new JsonObject
                {
                    ["id"] = root, ["name"] = name, ["displayName"] = name, ["type"] = entryType, ["templateName"] = entry,
                    ["phase"] = "Running", ["startedAt"] = Now(), ["children"] = new JsonArray(),
                };
            }
        });
        yield return true;

        string? failure = null;
        var done = 0;
        foreach (var step in steps)
        {
            var id = root is null ? name : NodeId(name, step.NodeName);
            Set(ns, name, s =>
            {
                s["nodes"]![id] = new JsonObject
                {
                    ["id"] = id, ["name"] = step.NodeName, ["displayName"] = step.DisplayName, ["type"] = step.NodeType,
                    ["templateName"] = step.TemplateName, ["phase"] = "Running", ["startedAt"] = Now(),
                };
                if (root is not null)
                {
                    s["nodes"]![id]!["boundaryID"] = root;
                    s["nodes"]![root]!["children"]!.AsArray().Add(id);
                }
            });
            yield return true;

            if (_time is ManualClock clock)
            {
                clock.Advance(TemplateDurations.TryGetValue(step.TemplateName, out var byTemplate)
                    ? byTemplate
                    : NodeTypeDurations.GetValueOrDefault(step.NodeType, StepDuration));
            }

            var failed = FailingSteps.TryGetValue(step.DisplayName, out var message);
            done++;
            Set(ns, name, s =>
            {
                var node = s["nodes"]![id]!;
                node["phase"] = failed ? "Failed" : "Succeeded";
                node["finishedAt"] = Now();
                if (failed)
                {
                    node["message"] = message;
                }
                else
                {
                    node["outputs"] = new JsonObject { ["result"] = Results.GetValueOrDefault(step.DisplayName, $"{{\"output\":\"s3://argoflow/{name}/{step.DisplayName}.jpg\"}}") };
                }

                s["progress"] = $"{done}/{steps.Count}";
            });
            yield return true;
            if (failed)
            {
                failure = root is null ? message : $"child '{id}' failed";
                break;
            }
        }

        Set(ns, name, s =>
        {
            var phase = failure is null ? "Succeeded" : "Failed";
            s["phase"] = phase;
            s["finishedAt"] = Now();
            if (failure is not null)
            {
                s["message"] = failure;
            }

            if (root is not null)
            {
                s["nodes"]![root]!["phase"] = phase;
                s["nodes"]![root]!["finishedAt"] = Now();
            }
        });
    }

    private void Set(string ns, string name, Action<JsonObject> change) =>
        _store.Update(FakeResource.Workflows, ns, name, wf =>
        {
            var status = wf["status"] as JsonObject ?? new JsonObject();
            wf["status"] = status;
            change(status);
        });

    // Argo status times have 1-second resolution.
    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Argo's node id: the workflow name and the FNV-1a 32-bit hash of the node name.</summary>
    public static string NodeId(string workflow, string nodeName)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(nodeName))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return $"{workflow}-{hash.ToString(CultureInfo.InvariantCulture)}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
