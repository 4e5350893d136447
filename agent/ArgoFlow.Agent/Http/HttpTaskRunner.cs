using System.Globalization;
using System.Net;
using System.Text;
using ArgoFlow.Agent.Dispatch;
using ArgoFlow.Cluster.Argo;
using ArgoFlow.Cluster.TaskSets;

namespace ArgoFlow.Agent.Http;

/// <summary>
/// Runs an http template the way Argo's agent does (<c>executeHTTPTemplate</c>): the request with its method,
/// headers (secret values read from the TaskSet's namespace, <c>Host</c> rewriting the Host header), body or
/// bodyFrom.bytes, the timeout over the whole exchange; <c>outputs.result</c> = the response body; success = 2xx
/// without a successCondition, else the condition. Failures carry Argo's messages word for word.
/// </summary>
internal sealed class HttpTaskRunner : IDisposable
{
    private readonly HttpClient _verified;
    private readonly HttpClient _unverified;
    private readonly SecretReader _secrets;
    private readonly ISuccessCondition _condition;
    private readonly TimeProvider _time;
    private readonly long _maxResponseBytes;

    public HttpTaskRunner(SecretReader secrets, ISuccessCondition condition, TimeProvider time, long maxResponseBytes)
    {
        _secrets = secrets;
        _condition = condition;
        _time = time;
        _maxResponseBytes = maxResponseBytes;
        _verified = Client(skipVerify: false);
        _unverified = Client(skipVerify: true);
    }

    public async Task<TaskOutcome> RunAsync(TaskContext context, HttpTemplate http, CancellationToken cancellationToken)
    {
        using var deadline = http.TimeoutSeconds is { } seconds
            ? new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(seconds, 0)), _time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var method = string.IsNullOrEmpty(http.Method) ? "GET" : http.Method;
        var prefix = GoHttpErrors.Prefix(method, http.Url);
        if (!Uri.TryCreate(http.Url, UriKind.Absolute, out var uri))
        {
            return TaskOutcome.Failed($"parse \"{http.Url}\": invalid URI for request");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return TaskOutcome.Failed($"{prefix}: unsupported protocol scheme \"{uri.Scheme}\"");
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        var body = http.BodyFrom is not null ? http.BodyFrom.Bytes : string.IsNullOrEmpty(http.Body) ? null : Encoding.UTF8.GetBytes(http.Body);
        if (body is { Length: > 0 })
        {
            request.Content = new ByteArrayContent(body);
        }

        var requestHeaders = await AddHeadersAsync(context, http, request, linked.Token).ConfigureAwait(false);
        try
        {
            var client = http.InsecureSkipVerify ? _unverified : _verified;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var text = await ReadBodyAsync(response, linked.Token).ConfigureAwait(false);
            var scope = new HttpConditionScope(
                method, http.Url, http.Body ?? "", http.BodyFrom?.Bytes, requestHeaders, (int)response.StatusCode, text, ResponseHeaders(response));
            return Judge(http, scope);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return TaskOutcome.Failed($"{prefix}: {GoHttpErrors.DeadlineExceeded}");
        }
        catch (HttpRequestException ex)
        {
            return TaskOutcome.Failed($"{prefix}: {GoHttpErrors.Describe(ex, uri)}");
        }
    }

    private TaskOutcome Judge(HttpTemplate http, HttpConditionScope scope)
    {
        var outputs = new Outputs { Result = scope.ResponseBody };
        string? failure = null;
        if (string.IsNullOrEmpty(http.SuccessCondition))
        {
            if (scope.StatusCode is < 200 or >= 300)
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"received non-2xx response code: {scope.StatusCode}");
            }
        }
        else if (!_condition.Evaluate(http.SuccessCondition, scope))
        {
            failure = $"successCondition '{http.SuccessCondition}' evaluated false";
        }

        return new TaskOutcome(
            new NodeResult { Phase = failure is null ? WorkflowPhase.Succeeded : WorkflowPhase.Failed, Message = failure, Outputs = outputs },
            TimeSpan.Zero);
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> AddHeadersAsync(
        TaskContext context, HttpTemplate http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var header in http.Headers ?? [])
        {
            var value = header.Value ?? "";
            if (header.ValueFrom?.SecretKeyRef is { } secret)
            {
                value = await _secrets.ReadAsync(context.Namespace, secret.Name, secret.Key, cancellationToken).ConfigureAwait(false);
            }
            else if (header.ValueFrom is null)
            {
                seen[header.Name] = [value];
            }

            if (string.Equals(header.Name, "host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else if (!request.Headers.TryAddWithoutValidation(header.Name, value))
            {
                // Content headers (Content-Type, ...) live on the content; Go sends them even without a body.
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(header.Name, value);
            }
        }

        return seen;
    }

    private async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = stream.ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _maxResponseBytes)
            {
                throw new TaskFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"the response body is larger than {_maxResponseBytes} bytes (the agent's --max-response-bytes)"));
            }

            buffer.Write(chunk, 0, read);
        }

        // Go's string(bytes) keeps invalid UTF-8 and JSON encoding then replaces it with U+FFFD: the same text.
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Dictionary<string, IReadOnlyList<string>> ResponseHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[GoHttpErrors.CanonicalHeaderKey(name)] = values.ToList();
        }

        return headers;
    }

    private static HttpClient Client(bool skipVerify)
    {
        var handler = new SocketsHttpHandler
        {
            // Go's client: up to 10 redirects, transparent gzip, no overall timeout (timeoutSeconds is the deadline).
            MaxAutomaticRedirections = 10,
            AutomaticDecompression = DecompressionMethods.GZip,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        };
        if (skipVerify)
        {
#pragma warning disable CA5359 // insecureSkipVerify: the template asked for exactly this.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose()
    {
        _verified.Dispose();
        _unverified.Dispose();
    }
}
