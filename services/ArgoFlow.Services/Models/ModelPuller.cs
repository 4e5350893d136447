using System.Security.Cryptography;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Services.Models;

/// <summary>
/// Downloads a known model into the cache: streamed to a temporary file while hashing, the SHA-256 checked against
/// the recorded digest, then renamed into place - a failed or tampered download leaves nothing behind.
/// </summary>
public sealed class ModelPuller
{
    private readonly HttpClient _http;

    public ModelPuller(HttpClient http)
    {
        _http = http;
    }

    /// <summary>Returns the cached path and whether it was downloaded now (false: already cached and verified).</summary>
    public async Task<(string Path, bool Downloaded)> PullAsync(KnownModel model, string cacheDirectory, Uri? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var folder = Path.Combine(cacheDirectory, model.Name);
        var target = Path.Combine(folder, model.FileName);
        if (File.Exists(target) && await HashFileAsync(target, cancellationToken) == model.Sha256)
        {
            return (target, false);
        }

        Directory.CreateDirectory(folder);
        var url = source ?? model.Source;
        var temp = Path.Combine(folder, $".{model.FileName}.{Guid.NewGuid():N}.part");
        try
        {
            string digest;
            using (var response = await SendAsync(url, cancellationToken))
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                digest = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            if (digest != model.Sha256)
            {
                throw new ArgoFlowException(ExitCode.InvalidInput,
                    $"{url} does not have the expected content: sha256 {digest}, expected {model.Sha256}; nothing was cached",
                    "check the URL (--from) or your proxy; the recorded digest is in ../shared/models/fastestdet/README.md");
            }

            File.Move(temp, target, overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(folder, "NOTICE.txt"),
                $"{model.Origin}{Environment.NewLine}Licence: {model.Licence}{Environment.NewLine}sha256: {model.Sha256}{Environment.NewLine}", cancellationToken);
            return (target, true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ArgoFlowException(ExitCode.Unavailable, $"cannot download {url}: {ex.Message}",
                "on a machine without internet, copy the model and pass --model PATH or set ARGOFLOW_MODELS", ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw new ArgoFlowException(ExitCode.Unavailable, $"cannot download {url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }
        }

        return response;
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
