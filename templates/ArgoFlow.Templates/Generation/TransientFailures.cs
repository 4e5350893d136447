namespace ArgoFlow.Templates.Generation;

/// <summary>
/// The <c>retryStrategy.expression</c> of each mode: true (retry) unless the last attempt Failed with a permanent
/// error. Argo evaluates it with expr over <c>lastRetry.status</c>, <c>lastRetry.message</c> and
/// <c>lastRetry.exitCode</c> (workflow/controller/operator.go, processNodeRetries and
/// buildRetryStrategyLocalScope; util/variables/keys/retries.go in v4). Argo v3.5 evaluates the expression while
/// the attempt is still running and after it succeeded, ending the retry node with the attempt's phase when it is
/// false, so every form starts with <c>lastRetry.status != 'Failed'</c>: running, succeeded and Error attempts
/// always continue (Error is Argo's phase for pod and agent faults, which are transient). Which messages are
/// transient is documented in docs/cluster.md ("Which failures are retried"). Every form keeps to the part of expr
/// that ArgoFlow.Core.Expressions evaluates (no regular expressions), so tests evaluate them on Argo's messages;
/// <c>lastRetry.*</c> values are strings in Argo's scope, exit codes included.
/// </summary>
internal static class TransientFailures
{
    /// <summary>
    /// http: the agent (workflow/executor/agent.go, executeHTTPTemplate) fails the node with
    /// <c>received non-2xx response code: N</c> when the template has no successCondition, and with the Go error
    /// text when the request itself fails (refused, reset, timed out). 408, 429, 502, 503, 504 and transport errors
    /// are retried; 400 (INVALID_ARGUMENT, FAILED_PRECONDITION), 404 (NOT_FOUND), 401/403, 500 and 501 are not.
    /// </summary>
    public const string Http =
        "lastRetry.status != 'Failed' || !(lastRetry.message startsWith 'received non-2xx response code: ') || " +
        "lastRetry.message in ['received non-2xx response code: 408', 'received non-2xx response code: 429', " +
        "'received non-2xx response code: 502', 'received non-2xx response code: 503', 'received non-2xx response code: 504']";

    /// <summary>
    /// plugin: the sidecar answers 503 for UNAVAILABLE and RESOURCE_EXHAUSTED, which Argo's plugin client
    /// (workflow/util/plugins/plugin.go) retries and then reports with the answer's text; DEADLINE_EXCEEDED comes
    /// back as a Failed node (<c>step 'x' at HOST failed: DEADLINE_EXCEEDED ...</c>); a sidecar Argo cannot reach
    /// fails with the Go error text. Everything else the sidecar reports (INVALID_ARGUMENT, NOT_FOUND,
    /// FAILED_PRECONDITION, a bad plugin block) is permanent.
    /// </summary>
    public const string Plugin =
        "lastRetry.status != 'Failed' || lastRetry.message contains 'failed: UNAVAILABLE' || " +
        "lastRetry.message contains 'failed: RESOURCE_EXHAUSTED' || lastRetry.message contains 'failed: DEADLINE_EXCEEDED' || " +
        "lastRetry.message contains 'connection refused' || lastRetry.message contains 'connection reset' || " +
        "lastRetry.message contains 'deadline exceeded'";

    /// <summary>
    /// container: <c>argoflow step</c> exits 4 when the service is unavailable or refuses the call and 6 when the
    /// deadline passed (README exit codes); 3 (invalid input, NOT_FOUND) and 5 are permanent.
    /// </summary>
    public const string Container = "lastRetry.status != 'Failed' || lastRetry.exitCode in ['4', '6']";
}
