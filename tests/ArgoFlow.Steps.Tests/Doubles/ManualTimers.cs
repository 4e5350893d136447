namespace ArgoFlow.Steps.Tests.Doubles;

/// <summary>
/// A TimeProvider whose timers fire only when the test says so, so "the wait ran out" and "the call finished while
/// the request was waiting" are ordered by the test and not by the machine's speed.
/// </summary>
public sealed class ManualTimers : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<Timer> timers = [];
    private TaskCompletionSource created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits (bounded) until some code created a timer since the last <see cref="FireAll"/>.</summary>
    public Task TimerCreatedAsync() => created.Task.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Fires every timer created so far, once.</summary>
    public void FireAll()
    {
        List<Timer> due;
        lock (gate)
        {
            due = [.. timers];
            timers.Clear();
            created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(callback, state);
        TaskCompletionSource signal;
        lock (gate)
        {
            timers.Add(timer);
            signal = created;
        }

        signal.TrySetResult();
        return timer;
    }

    private sealed class Timer(TimerCallback callback, object? state) : ITimer
    {
        private int disposed;

        public void Fire()
        {
            if (Volatile.Read(ref disposed) == 0)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose() => Interlocked.Exchange(ref disposed, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
