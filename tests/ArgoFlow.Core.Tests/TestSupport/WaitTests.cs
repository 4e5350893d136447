using ArgoFlow.TestSupport.Waits;

namespace ArgoFlow.Core.Tests.TestSupport;

/// <summary>A bounded wait that runs out fails with what it waited for; one whose condition holds returns.</summary>
public sealed class WaitTests
{
    [Fact]
    public async Task A_condition_that_never_holds_fails_naming_it_after_the_bound()
    {
        var failure = await Assert.ThrowsAsync<WaitTimeoutException>(
            () => Wait.UntilAsync(() => false, "the moon to turn blue", TimeSpan.FromMilliseconds(50)));

        Assert.Equal("gave up after 0.1 s waiting for the moon to turn blue", failure.Message);
    }

    [Fact]
    public async Task A_task_that_never_completes_fails_naming_it_after_the_bound()
    {
        var never = new TaskCompletionSource<int>();

        var failure = await Assert.ThrowsAsync<WaitTimeoutException>(
            () => never.Task.WithinAsync("the reply", TimeSpan.FromMilliseconds(50)));

        Assert.Equal("the reply", failure.WaitingFor);
    }

    [Fact]
    public async Task A_condition_that_holds_and_a_completed_task_return_at_once()
    {
        var calls = 0;

        await Wait.UntilAsync(() => ++calls == 3, "the third check");
        var value = await Task.FromResult(7).WithinAsync("a completed task");

        Assert.Equal((3, 7), (calls, value));
    }

    [Fact]
    public async Task A_task_that_fails_passes_its_own_exception_through()
    {
        var failing = Task.FromException<int>(new InvalidOperationException("boom"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WithinAsync("anything"));

        Assert.Equal("boom", failure.Message);
    }
}
