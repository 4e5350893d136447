namespace ArgoFlow.Cluster.Argo;

/// <summary>Argo's workflow and node phases, and which of them are final.</summary>
public static class WorkflowPhase
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Error = "Error";
    public const string Skipped = "Skipped";
    public const string Omitted = "Omitted";

    public static bool IsCompleted(string? phase) => phase is Succeeded or Failed or Error;

    public static bool IsNodeCompleted(string? phase) => phase is Succeeded or Failed or Error or Skipped or Omitted;
}
