using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ArgoFlow.Core.Errors;
using ArgoFlow.Steps.Client;

namespace ArgoFlow.Steps.Tests.Client;

/// <summary>The CA a client trusts, from ARGOFLOW_CA_FILE or, where no file can be mounted, ARGOFLOW_CA_PEM.</summary>
public sealed class ServerTrustTests
{
    [Fact]
    public void Pem_text_without_a_certificate_is_refused_naming_the_variable()
    {
        var empty = Assert.Throws<ArgoFlowException>(() => new ServerTrust(null, "just some text", null));
        var broken = Assert.Throws<ArgoFlowException>(() => new ServerTrust(null, "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n", null));

        Assert.Equal(ExitCode.InvalidInput, empty.ExitCode);
        Assert.StartsWith("ARGOFLOW_CA_PEM: no certificate", empty.Message, StringComparison.Ordinal);
        Assert.StartsWith("ARGOFLOW_CA_PEM:", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_refused_naming_the_variable_and_the_path()
    {
        var ex = Assert.Throws<ArgoFlowException>(() => new ServerTrust("/nonexistent/ca.crt", null, null));

        Assert.StartsWith("ARGOFLOW_CA_FILE: cannot read /nonexistent/ca.crt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pem_text_with_a_certificate_is_accepted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=ca", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        _ = new ServerTrust(null, certificate.ExportCertificatePem(), null);
    }
}
