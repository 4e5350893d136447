namespace ArgoFlow.Core.Errors;

/// <summary>The process exit codes of every ArgoFlow command, defined once and listed in the README.</summary>
public enum ExitCode
{
    /// <summary>Success.</summary>
    Ok = 0,

    /// <summary>An unexpected failure: a bug in ArgoFlow.</summary>
    Bug = 1,

    /// <summary>Bad command line: unknown option, missing argument, conflicting flags.</summary>
    Usage = 2,

    /// <summary>Invalid input: a spec, manifest, image or parameter that fails validation.</summary>
    InvalidInput = 3,

    /// <summary>A cluster, service or storage failure: unreachable, refused, unauthorized.</summary>
    Unavailable = 4,

    /// <summary>A workflow or pipeline ran and failed (a step failed, Failed/Error phase).</summary>
    Failed = 5,

    /// <summary>A wait or watch ran out of time.</summary>
    Timeout = 6,

    /// <summary>`--check` found generated output that differs from what is on disk.</summary>
    Different = 7,
}
