using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArgoFlow.Core.Expressions;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Plugin;
using ArgoFlow.Steps.Tests.Doubles;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Steps.Tests.Plugin;

/// <summary>
/// The committed plugin templates' retryStrategy.expression, evaluated on what this sidecar actually answers: a
/// Failed node's message, or for a 503 the answer's text (what Argo's plugin client reports after its own retries).
/// Transient failures are retried, permanent ones are not.
/// </summary>
public sealed partial class RetryExpressionAgreementTests : IDisposable
{
    private const string Token = "retry-token";
    private readonly TempDirectory temp = new("argoflow-retry-agreement");
    private readonly ScriptedInvoker invoker = new();
    private readonly ExecutorPluginHandler handler;

    public RetryExpressionAgreementTests()
    {
        File.WriteAllText(temp.Combine("token"), Token);
        handler = new ExecutorPluginHandler(invoker, new PluginTokenVerifier(temp.Combine("token")), new PluginOptions());
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(StatusCode.Unavailable, true)]
    [InlineData(StatusCode.ResourceExhausted, true)]
    [InlineData(StatusCode.DeadlineExceeded, true)]
    [InlineData(StatusCode.InvalidArgument, false)]
    [InlineData(StatusCode.NotFound, false)]
    [InlineData(StatusCode.FailedPrecondition, false)]
    public async Task A_failed_call_is_retried_only_when_transient(StatusCode status, bool retried)
    {
        var reply = SendAsync(new JsonObject { ["input"] = "in/photo.jpg", ["width"] = 64 });
        invoker.Next().SetException(new StepCallException("resize", "127.0.0.1:9090", status, "told to fail", 1));

        Assert.Equal(retried, Retried(await reply));
    }

    [Fact]
    public async Task A_request_value_that_is_not_its_type_is_not_retried()
    {
        var reply = await SendAsync(new JsonObject { ["input"] = "in/photo.jpg", ["width"] = "sixty-four" });

        Assert.False(Retried(reply));
        Assert.Empty(invoker.Calls);
    }

    private Task<PluginReply> SendAsync(JsonObject request)
    {
        // An endpoint the default allow-list admits: the scripted invoker answers, nothing is dialled.
        var body = ArgoRequests.Argoflow("resize", "127.0.0.1:9090", request);
        return handler.ExecuteAsync("Bearer " + Token, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);
    }

    /// <summary>Argo's view of the attempt: a 503 ends as Failed with the answer's text, a node reply as its phase and message.</summary>
    private static bool Retried(PluginReply reply)
    {
        var node = reply.StatusCode == 200 ? JsonNode.Parse(reply.Body)!["node"] : null;
        var (status, message) = node is null ? ("Failed", reply.Body) : ((string)node["phase"]!, (string?)node["message"] ?? string.Empty);
        return ArgoExpression.EvaluateCondition(Expression.Value, new ExpressionEnvironment(new Dictionary<string, object?>
        {
            ["lastRetry"] = new Dictionary<string, object?> { ["status"] = status, ["message"] = message, ["exitCode"] = "-1" },
        }));
    }

    private static readonly Lazy<string> Expression = new(() =>
    {
        var yaml = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "samples", "generated", "plugin", "classic", "workflowtemplate.yaml"));
        return JsonSerializer.Deserialize<string>(ExpressionLine().Match(yaml).Groups[1].Value)!;
    });

    [GeneratedRegex("^\\s+expression: (\".*\")$", RegexOptions.Multiline)]
    private static partial Regex ExpressionLine();
}
