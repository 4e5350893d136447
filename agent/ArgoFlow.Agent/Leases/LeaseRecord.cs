using System.Globalization;
using System.Text.Json.Nodes;

namespace ArgoFlow.Agent.Leases;

/// <summary>The spec of a coordination.k8s.io/v1 Lease used as a leader-election lock (client-go's LeaderElectionRecord).</summary>
internal sealed record LeaseRecord(string Holder, int DurationSeconds, DateTimeOffset? AcquireTime, DateTimeOffset? RenewTime, int Transitions)
{
    private const string MicroTime = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static LeaseRecord From(JsonObject lease)
    {
        var spec = lease["spec"] as JsonObject;
        return new LeaseRecord(
            (string?)spec?["holderIdentity"] ?? "",
            (int?)spec?["leaseDurationSeconds"] ?? 0,
            Time(spec?["acquireTime"]),
            Time(spec?["renewTime"]),
            (int?)spec?["leaseTransitions"] ?? 0);
    }

    public JsonObject ToSpec()
    {
        var spec = new JsonObject
        {
            ["holderIdentity"] = Holder,
            ["leaseDurationSeconds"] = DurationSeconds,
            ["leaseTransitions"] = Transitions,
        };
        if (AcquireTime is { } acquire)
        {
            spec["acquireTime"] = acquire.UtcDateTime.ToString(MicroTime, CultureInfo.InvariantCulture);
        }

        if (RenewTime is { } renew)
        {
            spec["renewTime"] = renew.UtcDateTime.ToString(MicroTime, CultureInfo.InvariantCulture);
        }

        return spec;
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        (string?)node is { Length: > 0 } text &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
