using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Core.Catalog;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Tests.Doubles;
using ArgoFlow.Templates.Spec;

namespace ArgoFlow.Steps.Tests.Client;

/// <summary>
/// A TLS target given by name is resolved to the pods' addresses, yet the certificate is checked against the name:
/// the certificate here names only "localhost" (no IP), so a check against the address would fail the call.
/// </summary>
public sealed class TlsByNameTests
{
    [Fact]
    public async Task A_name_resolved_to_addresses_is_still_the_name_the_certificate_is_checked_against()
    {
        var (certificate, pem) = LocalhostOnly();
        using var owned = certificate;
        await using var host = await DoubleServicesHost.StartAsync(certificate: certificate);
        host.Put("in/photo.jpg", [1, 2, 3]);
        var port = new Uri("http://" + host.Target).Port;
        using var client = new StepClient(new StepClientOptions { CaFile = null, CaPem = pem });

        var result = await client.InvokeAsync(new StepCall(
            "shrink", StepBinding.For(StepCatalog.Resize), $"https://localhost:{port}",
            new ResizeRequest { Input = "in/photo.jpg", Width = 32, Height = 24 }, TimeSpan.FromSeconds(10),
            new RetryPolicy(1, TimeSpan.FromMilliseconds(1), 2, TimeSpan.FromMilliseconds(4))), CancellationToken.None);

        Assert.Equal(1, host.Faults.Calls("resize"));
        Assert.Equal(1, result.Attempts);
    }

    private static (X509Certificate2 Certificate, string Pem) LocalhostOnly()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(40), DateTimeOffset.UnixEpoch.AddYears(80));
        // Through PKCS#12 so the key is a persisted one Kestrel's TLS can use.
        return (X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null), created.ExportCertificatePem());
    }
}
