namespace ArgoFlow.Reliability.Tests.Support;

/// <summary>How to start one `argoflow serve` child process.</summary>
internal sealed class ServeSettings
{
    public required string Store { get; init; }

    public string Services { get; init; } = "resize,filter";

    public int? GrpcPort { get; init; }

    public int? HttpPort { get; init; }

    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    public bool Unprivileged { get; init; }

    public bool WaitUntilServing { get; init; } = true;

    /// <summary>When the process serves TLS: its certificate, trusted by the test's channel.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }
}
