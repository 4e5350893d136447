using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Services.Hosting;

/// <summary>Loads the optional gRPC TLS certificate from PEM files (the form cert-manager and Kubernetes TLS Secrets use).</summary>
internal static class TlsCertificates
{
    public static X509Certificate2? Load(WarmHostOptions options)
    {
        if (options.TlsCertificate is null || options.TlsKey is null)
        {
            return null;
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(options.TlsCertificate, options.TlsKey);
            // Re-import so the private key is usable by SslStream on Linux (an ephemeral PEM key is not, for servers).
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or ArgumentException)
        {
            throw new ArgoFlowException(ExitCode.InvalidInput, $"tlsCert/tlsKey: cannot load {options.TlsCertificate} with {options.TlsKey}: {ex.Message}",
                "give a PEM certificate and its PEM private key (e.g. tls.crt and tls.key of a Kubernetes TLS Secret)", ex);
        }
    }
}
