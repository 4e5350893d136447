using ArgoFlow.Core.Errors;
using ArgoFlow.Services.Models;
using ArgoFlow.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArgoFlow.Services.Tests.Models;

/// <summary>`models pull` against a local HTTP server on 127.0.0.1 (never the internet).</summary>
public sealed class ModelPullerTests : IAsyncLifetime
{
    private readonly TempDirectory _cache = new("argoflow-cache");
    private WebApplication? _server;
    private int _downloads;

    private Uri Url(string path) => new(_server!.Urls.First() + path);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        var model = await File.ReadAllBytesAsync(SharedData.ModelPath);
        _server.MapGet("/good.onnx", () => { Interlocked.Increment(ref _downloads); return Results.Bytes(model, "application/octet-stream"); });
        _server.MapGet("/tampered.onnx", () => Results.Bytes(model[..^1].Append((byte)(model[^1] ^ 1)).ToArray(), "application/octet-stream"));
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _cache.Dispose();
    }

    [Fact]
    public async Task Pull_verifies_the_digest_caches_the_model_with_its_notice_and_skips_a_second_download()
    {
        using var http = new HttpClient();
        var puller = new ModelPuller(http);

        var (path, downloaded) = await puller.PullAsync(KnownModel.FastestDet, _cache.Path, Url("/good.onnx"), CancellationToken.None);
        var (again, downloadedAgain) = await puller.PullAsync(KnownModel.FastestDet, _cache.Path, Url("/good.onnx"), CancellationToken.None);

        Assert.Equal(_cache.Combine("fastestdet", "FastestDet.onnx"), path);
        Assert.Equal(await File.ReadAllBytesAsync(SharedData.ModelPath), await File.ReadAllBytesAsync(path));
        Assert.Contains("BSD-3-Clause", await File.ReadAllTextAsync(_cache.Combine("fastestdet", "NOTICE.txt")), StringComparison.Ordinal);
        Assert.Equal((true, path, false, 1), (downloaded, again, downloadedAgain, _downloads));
    }

    [Fact]
    public async Task Tampered_download_is_refused_and_leaves_nothing_in_the_cache()
    {
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() =>
            new ModelPuller(http).PullAsync(KnownModel.FastestDet, _cache.Path, Url("/tampered.onnx"), CancellationToken.None));

        Assert.Equal(ExitCode.InvalidInput, ex.ExitCode);
        Assert.Contains("expected 31cb14c0", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_cache.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Missing_upstream_file_is_an_unavailable_error()
    {
        using var http = new HttpClient();

        var ex = await Assert.ThrowsAsync<ArgoFlowException>(() =>
            new ModelPuller(http).PullAsync(KnownModel.FastestDet, _cache.Path, Url("/absent.onnx"), CancellationToken.None));

        Assert.Equal(ExitCode.Unavailable, ex.ExitCode);
        Assert.Contains("HTTP 404", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_is_resolved_from_the_flag_then_the_models_directory_then_the_cache()
    {
        using var models = new TempDirectory("argoflow-models");
        Directory.CreateDirectory(models.Combine("fastestdet"));
        File.WriteAllBytes(models.Combine("fastestdet", "FastestDet.onnx"), [1]);
        Directory.CreateDirectory(_cache.Combine("models", "fastestdet"));
        File.WriteAllBytes(_cache.Combine("models", "fastestdet", "FastestDet.onnx"), [2]);
        var env = new Dictionary<string, string> { ["ARGOFLOW_MODELS"] = models.Path, ["ARGOFLOW_CACHE"] = _cache.Path };

        var fromFlag = ModelLocator.Resolve("/x/y.onnx", env.GetValueOrDefault);
        var fromDir = ModelLocator.Resolve(null, env.GetValueOrDefault);
        env.Remove("ARGOFLOW_MODELS");
        var fromCache = ModelLocator.Resolve(null, env.GetValueOrDefault);
        env["ARGOFLOW_CACHE"] = models.Combine("empty");
        var none = ModelLocator.Resolve(null, env.GetValueOrDefault);

        Assert.Equal(("/x/y.onnx", "--model"), fromFlag);
        Assert.Equal((models.Combine("fastestdet", "FastestDet.onnx"), "ARGOFLOW_MODELS"), fromDir);
        Assert.Equal((_cache.Combine("models", "fastestdet", "FastestDet.onnx"), "cache"), fromCache);
        Assert.Null(none);
    }
}
