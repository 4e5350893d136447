using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Cluster.Kube;

/// <summary>
/// The REST calls ArgoFlow makes, with the API's own conventions: JSON bodies, Status error bodies turned into
/// <see cref="KubeApiException"/>, watch streams read line by line. Written over KubernetesClient's authenticated
/// HttpClient rather than its generated CustomObjects methods so every error keeps the server's Status and the
/// watch can resume from a resourceVersion and see ERROR events itself.
/// </summary>
public sealed class KubeApiClient
{
    private readonly KubeConnection _connection;

    public KubeApiClient(KubeConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    public KubeConnection Connection => _connection;

    public string Namespace => _connection.Namespace;

    public Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>The object, or null on 404 (the caller decides what a missing object means).</summary>
    public async Task<JsonObject?> TryGetAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException ex) when (ex.Code == 404)
        {
            return null;
        }
    }

    public Task<JsonObject> CreateAsync(string collectionPath, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, collectionPath, body, cancellationToken);

    public Task<JsonObject> ReplaceAsync(string itemPath, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, itemPath, body, cancellationToken);

    /// <summary>
    /// A JSON merge patch (RFC 7386, <c>application/merge-patch+json</c>) of an object, or of its <c>status</c>
    /// subresource when <paramref name="itemPath"/> ends in <c>/status</c>: keys set to null are removed.
    /// </summary>
    public Task<JsonObject> MergePatchAsync(string itemPath, JsonObject patch, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, itemPath, patch, "application/merge-patch+json", cancellationToken);

    public Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, body, "application/json", cancellationToken);

    private async Task<JsonObject> SendAsync(
        HttpMethod method, string path, JsonObject? body, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_connection.Server, path.TrimStart('/')));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var limit = RequestLimit(cancellationToken);
        string text;
        HttpStatusCode code;
        try
        {
            using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(limit.Token).ConfigureAwait(false);
            code = response.StatusCode;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(method, path, ex);
        }

        if ((int)code is < 200 or > 299)
        {
            throw Error(code, text, method, path);
        }

        return JsonNode.Parse(text) as JsonObject
               ?? throw new ArgoFlowException(ExitCode.Unavailable, $"{method} {path}: the API server answered with no JSON object");
    }

    /// <summary>
    /// Opens a watch and yields its events until the server ends the stream. A dropped connection surfaces as
    /// <see cref="WatchInterruptedException"/> so the caller can resume from the last resourceVersion it saw.
    /// </summary>
    public async IAsyncEnumerable<KubeWatchEvent> WatchAsync(
        string collectionPath,
        string? fieldSelector,
        string? resourceVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The server ends the watch before the client's silence bound, so a healthy watch is resumed, never cut.
        var serverLimit = (int)Math.Max(1, _connection.WatchIdleTimeout.TotalSeconds * 0.9);
        var query = new StringBuilder("?watch=true&allowWatchBookmarks=true&timeoutSeconds=")
            .Append(serverLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(fieldSelector))
        {
            query.Append("&fieldSelector=").Append(Uri.EscapeDataString(fieldSelector));
        }

        if (!string.IsNullOrEmpty(resourceVersion))
        {
            query.Append("&resourceVersion=").Append(Uri.EscapeDataString(resourceVersion));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_connection.Server, collectionPath.TrimStart('/') + query));
        using var response = await OpenWatchAsync(request, collectionPath, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The caller decides what an answer means for a watch: 410 re-reads, 429 and 5xx are retried.
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw Error(response.StatusCode, text, HttpMethod.Get, collectionPath, response.Headers.RetryAfter?.Delta);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = stream.ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (true)
        {
            string? line;
            using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            silence.CancelAfter(_connection.WatchIdleTimeout);
            try
            {
                line = await reader.ReadLineAsync(silence.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                throw new WatchInterruptedException(ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // No event and no bookmark for this long: the connection is as good as dropped; resume elsewhere.
                throw new WatchInterruptedException(ex);
            }

            if (line is null)
            {
                yield break;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var node = ParseEvent(line);
            if (node is not null)
            {
                yield return node;
            }
        }
    }

    private static KubeWatchEvent? ParseEvent(string line)
    {
        try
        {
            var obj = JsonNode.Parse(line) as JsonObject;
            return obj is not null && obj["type"] is JsonValue type && obj["object"] is JsonObject payload
                ? new KubeWatchEvent((string)type!, payload)
                : null;
        }
        catch (JsonException)
        {
            // A torn line from a dropped connection: the resume from the last good resourceVersion covers it.
            return null;
        }
    }

    private async Task<HttpResponseMessage> OpenWatchAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        using var limit = RequestLimit(cancellationToken);
        try
        {
            return await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(HttpMethod.Get, path, ex);
        }
    }

    /// <summary>The caller's token, cancelled also after the connection's request timeout (none when zero).</summary>
    private CancellationTokenSource RequestLimit(CancellationToken cancellationToken)
    {
        var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_connection.RequestTimeout > TimeSpan.Zero)
        {
            limit.CancelAfter(_connection.RequestTimeout);
        }

        return limit;
    }

    private ArgoFlowException TimedOut(HttpMethod method, string path, Exception inner) => new(
        ExitCode.Unavailable,
        $"the Kubernetes API server at {_connection.Server}{ContextText} did not answer {method} {path} within {Seconds(_connection.RequestTimeout)}",
        "check that the server is healthy (`kubectl get --raw /readyz`); allow longer with --request-timeout (0 waits without limit)",
        inner);

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "s";

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        await _connection.AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await _connection.HttpClient.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }
    }

    private ArgoFlowException Unreachable(HttpRequestException ex)
    {
        var cause = ex.InnerException is SocketException socket ? socket.Message : ex.Message;
        return new ArgoFlowException(
            ExitCode.Unavailable,
            $"cannot reach the Kubernetes API server at {_connection.Server}{ContextText}: {cause}",
            "check that the cluster is running and the context is right (`kubectl cluster-info`, --context, --kubeconfig)",
            ex);
    }

    private string ContextText => _connection.Context is null ? "" : $" (context {_connection.Context})";

    private KubeApiException Error(HttpStatusCode code, string body, HttpMethod method, string path, TimeSpan? retryAfter = null)
    {
        var status = KubeStatus.Parse((int)code, body);
        if (status.RetryAfter is null && retryAfter > TimeSpan.Zero)
        {
            status = status with { RetryAfter = retryAfter };
        }

        return status.Code switch
        {
            401 => new KubeApiException(
                status,
                $"the API server at {_connection.Server} rejected the credentials (401 Unauthorized): {status.Message}",
                $"refresh the credentials of the context{ContextText} (expired token or certificate?)"),
            403 => new KubeApiException(
                status,
                $"forbidden (403): {status.Message}",
                "ask for RBAC permission for this verb and resource; check with `kubectl auth can-i`"),
            422 => new KubeApiException(status, Invalid(status)),
            _ => new KubeApiException(status, $"{method} {path}: {status.Message} ({status.Code} {status.Reason})".Replace(" )", ")", StringComparison.Ordinal)),
        };
    }

    private static string Invalid(KubeStatus status) =>
        status.Causes.Count == 0
            ? $"rejected as invalid (422): {status.Message}"
            : $"rejected as invalid (422): {status.Message}{Environment.NewLine}  " +
              string.Join(Environment.NewLine + "  ", status.Causes);
}
