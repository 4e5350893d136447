using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Reliability.Tests.Support;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;
using ArgoFlow.TestSupport;
using Grpc.Core;

namespace ArgoFlow.Reliability.Tests.Security;

/// <summary>`argoflow serve --tls-cert --tls-key`: gRPC over TLS, trusted through ARGOFLOW_CA_FILE; h2c and untrusted clients refused.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TempDirectory _dir = new("argoflow-rel-tls");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Tls_serve_answers_trusting_clients_refuses_others_and_its_fused_pipeline_works_over_tls()
    {
        var (certificate, certFile, keyFile) = SelfSigned();
        var store = _dir.Combine("store");
        StoreAudit.SeedInputs(store);
        await using var serve = await ServeProcess.StartAsync(new ServeSettings
        {
            Store = store, ExtraArgs = ["--tls-cert", certFile, "--tls-key", keyFile], Certificate = certificate,
        });
        var https = $"https://127.0.0.1:{serve.GrpcPort}";

        using var trusting = new StepClient(new StepClientOptions { CaFile = certFile });
        var run = await new PipelineRunner(trusting).RunAsync(
            Specs.ResizeThenGray(retryLimit: 0), new Dictionary<string, string> { ["input"] = "in/0.jpg" },
            new PipelineRunOptions { TargetFor = _ => https }, CancellationToken.None);
        Assert.True(run.Succeeded, string.Join("; ", run.Steps.Select(s => s.Message)));

        // The executor plugin sidecar gets the CA as text from a Secret (ARGOFLOW_CA_PEM): Argo gives it no volumes.
        using var pemTrusting = new StepClient(new StepClientOptions { CaFile = null, CaPem = File.ReadAllText(certFile) });
        var viaPem = await new PipelineRunner(pemTrusting).RunAsync(
            Specs.ResizeThenGray(retryLimit: 0), new Dictionary<string, string> { ["input"] = "in/0.jpg" },
            new PipelineRunOptions { TargetFor = _ => https }, CancellationToken.None);
        Assert.True(viaPem.Succeeded, string.Join("; ", viaPem.Steps.Select(s => s.Message)));

        using var untrusting = new StepClient(new StepClientOptions { CaFile = null, CaPem = null });
        var refused = await new PipelineRunner(untrusting).RunAsync(
            Specs.ResizeThenGray(retryLimit: 0), new Dictionary<string, string> { ["input"] = "in/0.jpg" },
            new PipelineRunOptions { TargetFor = _ => https }, CancellationToken.None);
        Assert.Equal(StepPhase.Failed, refused.Find("resize")!.Phase);

        var plain = await Assert.ThrowsAnyAsync<Exception>(() => new ResizeService.ResizeServiceClient(Grpc.Net.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{serve.GrpcPort}"))
            .ResizeAsync(new ResizeRequest { Input = "in/0.jpg", Width = 10 }, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        Assert.False(plain is RpcException { StatusCode: StatusCode.OK });

        // Fused mode: the Pipeline service calls this process's step services over loopback TLS.
        var fused = await new PipelineService.PipelineServiceClient(serve.Channel).RunAsync(new RunPipelineRequest
        {
            Spec = Specs.ResizeThenGrayText(retryLimit: 0, backoff: "200ms", maxBackoff: "1s", timeoutSeconds: 20),
            Parameters = { ["input"] = "in/1.jpg" },
        });
        Assert.Equal("Succeeded", fused.Phase);
        Assert.Equal(2, fused.Steps.Count);
    }

    [Fact]
    public async Task Certificate_without_key_is_refused_at_start_with_exit_3()
    {
        var (_, certFile, _) = SelfSigned();
        await using var serve = ChildProcess.Start(["serve", "--store", _dir.Path, "--services", "resize", "--grpc-port", "0", "--http-port", "0", "--tls-cert", certFile]);
        Assert.Equal(3, await serve.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("tlsCert/tlsKey", serve.Stderr, StringComparison.Ordinal);
    }

    private (X509Certificate2 Certificate, string CertFile, string KeyFile) SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=argoflow-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(40), DateTimeOffset.UnixEpoch.AddYears(80));
        var certFile = _dir.Combine("tls.crt");
        var keyFile = _dir.Combine("tls.key");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (X509CertificateLoader.LoadCertificate(certificate.RawData), certFile, keyFile);
    }
}
