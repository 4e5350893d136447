using ArgoFlow.Core.Expressions;
using ArgoFlow.Templates.Generation;

namespace ArgoFlow.Templates.Tests.Generation;

/// <summary>
/// Each mode's retryStrategy.expression evaluated as Argo evaluates it (expr over lastRetry.*, every value a
/// string), on the messages Argo writes for each failure: only transient failures are retried, and a running or
/// succeeded attempt never ends the retry node (Argo v3.5 evaluates the expression then too).
/// </summary>
public sealed class RetryExpressionTests
{
    [Theory]
    [InlineData("Failed", "received non-2xx response code: 503", true)]
    [InlineData("Failed", "received non-2xx response code: 429", true)]
    [InlineData("Failed", "received non-2xx response code: 504", true)]
    [InlineData("Failed", "Post \"http://argoflow-resize.argo.svc.cluster.local:8080/v1/resize\": dial tcp 10.96.0.7:8080: connect: connection refused", true)]
    [InlineData("Failed", "received non-2xx response code: 400", false)]
    [InlineData("Failed", "received non-2xx response code: 404", false)]
    [InlineData("Failed", "received non-2xx response code: 500", false)]
    [InlineData("Error", "pod deleted", true)]
    [InlineData("Running", "", true)]
    [InlineData("Succeeded", "", true)]
    public void Http_retries_only_transient_answers(string status, string message, bool retried) =>
        Assert.Equal(retried, Retries(TransientFailures.Http, status, message, "-1"));

    [Theory]
    [InlineData("Failed", "{\"error\":\"step 'resize' at argoflow-resize.argo.svc.cluster.local:9090 failed: UNAVAILABLE (connection refused) after 3 attempts\"}", true)]
    [InlineData("Failed", "step 'resize' at argoflow-resize.argo.svc.cluster.local:9090 failed: DEADLINE_EXCEEDED (deadline passed) after 1 attempt", true)]
    [InlineData("Failed", "{\"error\":\"step 'detect' at h:9090 failed: RESOURCE_EXHAUSTED (busy) after 3 attempts\"}", true)]
    [InlineData("Failed", "Post \"http://localhost:4355/api/v1/template.execute\": dial tcp [::1]:4355: connect: connection refused", true)]
    [InlineData("Failed", "step 'resize' at h:9090 failed: INVALID_ARGUMENT (width: must be >= 1) after 1 attempt", false)]
    [InlineData("Failed", "step 'resize' at h:9090 failed: NOT_FOUND (in/missing.jpg) after 1 attempt", false)]
    [InlineData("Failed", "INVALID_ARGUMENT: template 'find': plugin.argoflow.request.classes: expected a list of strings, got '[person'", false)]
    [InlineData("Running", "", true)]
    [InlineData("Succeeded", "resize succeeded in 12.0 ms (1 attempt)", true)]
    public void Plugin_retries_only_transient_failures(string status, string message, bool retried) =>
        Assert.Equal(retried, Retries(TransientFailures.Plugin, status, message, "-1"));

    [Theory]
    [InlineData("Failed", "4", true)]
    [InlineData("Failed", "6", true)]
    [InlineData("Failed", "3", false)]
    [InlineData("Failed", "5", false)]
    [InlineData("Error", "-1", true)]
    [InlineData("Running", "-1", true)]
    [InlineData("Succeeded", "0", true)]
    public void Container_retries_only_unavailable_and_deadline_exit_codes(string status, string exitCode, bool retried) =>
        Assert.Equal(retried, Retries(TransientFailures.Container, status, "Error (exit code " + exitCode + ")", exitCode));

    private static bool Retries(string expression, string status, string message, string exitCode) =>
        ArgoExpression.EvaluateCondition(expression, new ExpressionEnvironment(new Dictionary<string, object?>
        {
            ["lastRetry"] = new Dictionary<string, object?>
            {
                ["status"] = status, ["message"] = message, ["exitCode"] = exitCode, ["duration"] = "1.5",
            },
            ["retries"] = "1",
        }));
}
