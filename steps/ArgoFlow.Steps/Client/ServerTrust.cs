using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Steps.Client;

/// <summary>
/// Decides whether a service's TLS certificate is trusted: the system's verdict, else a chain to one of the roots in
/// the CA file (the name must still match), else the one pinned certificate (loopback to this process).
/// </summary>
internal sealed class ServerTrust
{
    private readonly X509Certificate2Collection _roots = [];
    private readonly X509Certificate2? _pinned;

    public ServerTrust(string? caFile, string? caPem, X509Certificate2? pinned)
    {
        _pinned = pinned;
        if (caFile is not null)
        {
            try
            {
                _roots.ImportFromPemFile(caFile);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException)
            {
                throw new ArgoFlowException(ExitCode.InvalidInput, $"ARGOFLOW_CA_FILE: cannot read {caFile}: {ex.Message}", "give a PEM file of CA certificates", ex);
            }
        }

        if (caPem is not null)
        {
            var before = _roots.Count;
            try
            {
                _roots.ImportFromPem(caPem);
            }
            catch (CryptographicException ex)
            {
                throw new ArgoFlowException(ExitCode.InvalidInput, $"ARGOFLOW_CA_PEM: not PEM certificates: {ex.Message}", "give the text of a PEM file of CA certificates", ex);
            }

            if (_roots.Count == before)
            {
                throw new ArgoFlowException(ExitCode.InvalidInput, "ARGOFLOW_CA_PEM: no certificate in it (expected -----BEGIN CERTIFICATE----- blocks)", "give the text of a PEM file of CA certificates");
            }
        }
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null)
        {
            return false;
        }

        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (_pinned is not null && presented.RawDataMemory.Span.SequenceEqual(_pinned.RawDataMemory.Span))
        {
            return true;
        }

        // Only a chain problem may be fixed by our roots; a name mismatch stays fatal.
        if (_roots.Count == 0 || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainElements.Select(e => e.Certificate).ToArray());
        }

        return custom.Build(presented);
    }
}
