using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Tests.Doubles;
using ArgoFlow.Templates.Spec;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Client;

/// <summary>
/// The step client against three real replicas (Kestrel on 127.0.0.1:0) given as one target: calls are spread over
/// all of them, a stopped one stops receiving calls without failing any, and a replica that refuses a call hands it
/// to another. Calls are counted by each server, not by the client.
/// </summary>
public sealed class ReplicaBalancingTests : IAsyncLifetime
{
    private static readonly RetryPolicy Retry = new(3, TimeSpan.FromMilliseconds(1), 2, TimeSpan.FromMilliseconds(4));
    private readonly List<DoubleServicesHost> replicas = [];
    private readonly StepClient client = new();

    private string Target => string.Join(',', replicas.Select(r => r.Target));

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            var replica = await DoubleServicesHost.StartAsync();
            replica.Put("in/photo.jpg", [1, 2, 3]);
            replicas.Add(replica);
        }
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task Calls_reach_all_three_replicas_in_turn()
    {
        await UntilEveryReplicaAnsweredAsync(replicas);
        var before = Counts(replicas);

        for (var i = 0; i < 30; i++)
        {
            var result = await client.InvokeAsync(ResizeCall(Target), CancellationToken.None);
            Assert.Equal(1, result.Attempts);
        }

        // Round robin over three connected replicas: sequential calls go 1, 2, 3, 1, 2, 3...
        Assert.Equal([10, 10, 10], Counts(replicas).Zip(before, (after, was) => after - was));
    }

    [Fact]
    public async Task A_stopped_replica_receives_no_more_calls_and_no_call_fails()
    {
        await UntilEveryReplicaAnsweredAsync(replicas);
        var stopped = replicas[1];
        var live = new[] { replicas[0], replicas[2] };
        var target = Target;
        await stopped.DisposeAsync();
        replicas.Remove(stopped);
        var stoppedCalls = stopped.Faults.Calls("resize");
        var liveBefore = Counts(live).Sum();

        for (var i = 0; i < 30; i++)
        {
            await client.InvokeAsync(ResizeCall(target), CancellationToken.None);
        }

        Assert.Equal(stoppedCalls, stopped.Faults.Calls("resize"));
        Assert.Equal(30, Counts(live).Sum() - liveBefore);
        Assert.All(Counts(live), n => Assert.True(n > 0));
    }

    [Fact]
    public async Task A_call_shed_by_one_replica_is_answered_by_another()
    {
        await UntilEveryReplicaAnsweredAsync(replicas);
        replicas[0].Faults.FailAlways("resize", StatusCode.ResourceExhausted);
        replicas[1].Faults.FailAlways("resize", StatusCode.Unavailable);
        var shedBefore = replicas[0].Faults.Calls("resize");

        var results = new List<StepCallResult>();
        for (var i = 0; i < 12; i++)
        {
            results.Add(await client.InvokeAsync(ResizeCall(Target), CancellationToken.None));
        }

        // Every call ends on the one replica that accepts; a call refused once or twice moved on at once.
        Assert.All(results, r => Assert.InRange(r.Attempts, 1, 3));
        Assert.Contains(results, r => r.Attempts > 1);
        Assert.True(replicas[0].Faults.Calls("resize") > shedBefore, "the shedding replica was never tried");
    }

    [Fact]
    public async Task Load_shedding_by_the_only_replica_is_not_retried()
    {
        var only = replicas[0];
        only.Faults.FailNext("resize", StatusCode.ResourceExhausted);

        var ex = await Assert.ThrowsAsync<StepCallException>(() => client.InvokeAsync(ResizeCall(only.Target), CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task A_dns_name_reaches_the_service_behind_it()
    {
        var port = new Uri("http://" + replicas[0].Target).Port;

        var result = await client.InvokeAsync(ResizeCall($"dns:///localhost:{port}"), CancellationToken.None);

        Assert.Equal(1, replicas[0].Faults.Calls("resize"));
        Assert.Equal(1, result.Attempts);
    }

    private static int[] Counts(IEnumerable<DoubleServicesHost> hosts) => hosts.Select(h => h.Faults.Calls("resize")).ToArray();

    /// <summary>Calls until every replica has answered at least once: until then some connections may still be opening.</summary>
    private async Task UntilEveryReplicaAnsweredAsync(IReadOnlyList<DoubleServicesHost> hosts)
    {
        for (var i = 0; i < 200 && Counts(hosts).Any(n => n == 0); i++)
        {
            await client.InvokeAsync(ResizeCall(Target), CancellationToken.None);
        }

        Assert.True(Counts(hosts).All(n => n > 0), $"after 200 calls some replica never answered: {string.Join(", ", Counts(hosts))}");
    }

    private static StepCall ResizeCall(string target) => new(
        "shrink",
        StepBinding.For(StepCatalog.Resize),
        target,
        new ResizeRequest { Input = "in/photo.jpg", Width = 32, Height = 24 },
        TimeSpan.FromSeconds(10),
        Retry);
}
