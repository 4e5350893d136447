using System.Net.Http.Headers;
using System.Text;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Agent.Plugins;

/// <summary>
/// Another executor plugin over HTTP: <c>POST {url}/api/v1/template.execute</c>, JSON, <c>Authorization: Bearer
/// TOKEN</c>, 30 s per request - Argo's plugin client. The token file is read once at start, as Argo's agent does.
/// </summary>
internal sealed class RemotePluginTransport : IPluginTransport, IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient _client = new() { Timeout = RequestTimeout };
    private readonly Uri _target;
    private readonly string _token;

    public RemotePluginTransport(PluginEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Name = endpoint.Name;
        _target = new Uri(endpoint.Url.ToString().TrimEnd('/') + "/api/v1/template.execute");
        _token = endpoint.TokenFile is null ? "" : ReadToken(endpoint);
    }

    public string Name { get; }

    public async Task<(int Status, string Reason, string Body)> PostAsync(string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, response.ReasonPhrase ?? "", text);
    }

    private static string ReadToken(PluginEndpoint endpoint)
    {
        try
        {
            return File.ReadAllText(endpoint.TokenFile!).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput,
                $"--plugin {endpoint.Name}: cannot read the token file {endpoint.TokenFile}: {ex.Message}", inner: ex);
        }
    }

    public void Dispose() => _client.Dispose();
}
