using System.Security.Cryptography;
using System.Text;
using ArgoFlow.Core.Errors;

namespace ArgoFlow.Steps.Plugin;

/// <summary>
/// Checks <c>Authorization: Bearer TOKEN</c> against the token Argo mounts into the agent pod. Both sides are
/// hashed and compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so neither the content nor the
/// length of the token leaks through timing. The file is read again when a token does not match, in case Argo
/// rotated it.
/// </summary>
public sealed class PluginTokenVerifier
{
    private const string Scheme = "Bearer ";
    private readonly string path;
    private byte[] expectedHash;

    public PluginTokenVerifier(string tokenFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(tokenFile);
        path = tokenFile;
        expectedHash = ReadHash();
    }

    private PluginTokenVerifier(string description, byte[] hash)
    {
        path = description;
        expectedHash = hash;
    }

    public string TokenFile => path;

    /// <summary>
    /// A verifier for a token held in memory, not in a file: `argoflow agent` runs the handler in process and
    /// passes it a random per-process token.
    /// </summary>
    public static PluginTokenVerifier ForToken(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new PluginTokenVerifier("(in-process token)", SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Null when the header carries the right token, else why not (for the 401/403 body).</summary>
    public (bool Ok, int Status, string Problem) Check(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return (false, 401, "missing 'Authorization: Bearer <token>' header");
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        if (CryptographicOperations.FixedTimeEquals(presented, expectedHash))
        {
            return (true, 200, string.Empty);
        }

        if (TryReload() && CryptographicOperations.FixedTimeEquals(presented, expectedHash))
        {
            return (true, 200, string.Empty);
        }

        return (false, 403, "the bearer token does not match the agent's token");
    }

    private bool TryReload()
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            var fresh = ReadHash();
            var changed = !CryptographicOperations.FixedTimeEquals(fresh, expectedHash);
            expectedHash = fresh;
            return changed;
        }
        catch (ArgoFlowException)
        {
            return false;
        }
    }

    private byte[] ReadHash()
    {
        string token;
        try
        {
            token = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgoFlowException(
                ExitCode.InvalidInput,
                $"cannot read the plugin token file {path}: {ex.Message}",
                "Argo mounts it at /var/run/argo/token in the agent pod; elsewhere pass --token-file PATH", ex);
        }

        return token.Length == 0
            ? throw new ArgoFlowException(ExitCode.InvalidInput, $"the plugin token file {path} is empty")
            : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }
}
