using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>The open watch connections, so a test can drop them all mid-stream.</summary>
internal sealed class FakeWatches
{
    private readonly ConcurrentDictionary<HttpContext, bool> _open = new();

    public FakeWatches(FakeKubeStore store)
    {
        Store = store;
    }

    public FakeKubeStore Store { get; }

    private volatile TaskCompletionSource _gate = Completed();

    public int Opened;

    /// <summary>New watch requests wait here while paused.</summary>
    public Task Gate => _gate.Task;

    public void Pause() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Resume() => _gate.TrySetResult();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    public void Add(HttpContext context)
    {
        Interlocked.Increment(ref Opened);
        _open[context] = true;
    }

    public void Remove(HttpContext context) => _open.TryRemove(context, out _);

    public void AbortAll()
    {
        foreach (var context in _open.Keys)
        {
            try
            {
                context.Abort();
            }
            catch (ObjectDisposedException)
            {
                // The watch's request finished on its own between listing and aborting it.
            }

            _open.TryRemove(context, out _);
        }
    }
}
