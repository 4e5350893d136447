namespace ArgoFlow.Steps.Runner;

/// <summary>How a step of a run ended; the names are Argo's node phases.</summary>
public enum StepPhase
{
    Succeeded,
    Failed,

    /// <summary>Not run because a step it depends on failed or was skipped.</summary>
    Skipped,
}
