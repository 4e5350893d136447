using System.Text;
using System.Text.Json.Nodes;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Plugin;
using ArgoFlow.Steps.Tests.Doubles;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Plugin;

/// <summary>
/// A call that outlives its request is collected by a later request for the same node, and after that a retry
/// attempt of the node (same workflow uid, same template text) makes its own call.
/// </summary>
public sealed class PendingCallTests : IDisposable
{
    private const string Token = "pending-token";
    private const string Target = "127.0.0.1:9";
    private readonly TempDirectory temp = new("argoflow-pending");
    private readonly ManualTimers timers = new();
    private readonly ScriptedInvoker invoker = new();
    private readonly ExecutorPluginHandler handler;

    public PendingCallTests()
    {
        File.WriteAllText(temp.Combine("token"), Token);
        handler = new ExecutorPluginHandler(invoker, new PluginTokenVerifier(temp.Combine("token")),
            new PluginOptions { TimeProvider = timers, RequeueAfter = TimeSpan.FromSeconds(20) });
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_retry_after_a_collected_failure_makes_its_own_call()
    {
        // Attempt 1: the call outlives the first request (Running), then fails while the requeued request waits.
        var first = SendAsync();
        await timers.TimerCreatedAsync();
        timers.FireAll();
        Assert.Equal("Running", Phase(await first));

        var requeued = SendAsync();
        await timers.TimerCreatedAsync();
        invoker.Next().SetException(new StepCallException("resize", Target, StatusCode.DeadlineExceeded, "deadline passed", 1));
        var failed = await requeued;
        Assert.Equal("Failed", Phase(failed));
        Assert.Equal(0, handler.PendingCount);

        // Attempt 2 from retryStrategy: the same template text again. It must call the service, not reuse attempt 1.
        var retry = SendAsync();
        await timers.TimerCreatedAsync();
        Assert.Equal(2, invoker.Calls.Count);
        invoker.Next().SetResult(new StepCallResult(new ResizeResponse { Output = "in/photo.resize.jpg" }, 1, 5));
        Assert.Equal("Succeeded", Phase(await retry));
    }

    [Fact]
    public async Task A_call_collected_by_the_request_that_started_it_leaves_nothing_behind()
    {
        var request = SendAsync();
        await timers.TimerCreatedAsync();
        invoker.Next().SetResult(new StepCallResult(new ResizeResponse { Output = "in/photo.resize.jpg" }, 1, 5));

        Assert.Equal("Succeeded", Phase(await request));
        Assert.Equal(0, handler.PendingCount);
    }

    private Task<PluginReply> SendAsync()
    {
        var body = ArgoRequests.Argoflow("resize", Target, new JsonObject { ["input"] = "in/photo.jpg", ["width"] = 64 });
        return handler.ExecuteAsync("Bearer " + Token, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
    }

    private static string? Phase(PluginReply reply) => (string?)JsonNode.Parse(reply.Body)!["node"]!["phase"];
}
