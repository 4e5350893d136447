using System.Net.Security;
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
    public void Pem_text_with_a_certificate_trusts_the_servers_it_signed_and_only_those()
    {
        var now = DateTimeOffset.UtcNow;
        using var ca = Authority("CN=ca", now);
        using var other = Authority("CN=other-ca", now);
        using var signed = Leaf("CN=argoflow-resize", ca, now);
        using var stranger = Leaf("CN=argoflow-resize", other, now);

        var trust = new ServerTrust(null, ca.ExportCertificatePem(), null);

        // The system found no chain to its own roots: the CA from ARGOFLOW_CA_PEM must decide.
        Assert.True(trust.Validate(this, signed, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(trust.Validate(this, stranger, null, SslPolicyErrors.RemoteCertificateChainErrors));
        // A name mismatch stays fatal even for a certificate the CA signed.
        Assert.False(trust.Validate(this, signed, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    private static X509Certificate2 Authority(string name, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, critical: true));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }

    private static X509Certificate2 Leaf(string name, X509Certificate2 issuer, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(name, key, HashAlgorithmName.SHA256);
        return request.Create(issuer, now.AddHours(-1), now.AddHours(12), [1, 2, 3, 4]);
    }
}
