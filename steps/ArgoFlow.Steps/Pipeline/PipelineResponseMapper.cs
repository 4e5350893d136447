using ArgoFlow.Contracts.V1;
using ArgoFlow.Steps.Runner;

namespace ArgoFlow.Steps.Pipeline;

/// <summary>A run as the PipelineService's response: every step's phase, attempts, cause, timing and response.</summary>
public static class PipelineResponseMapper
{
    /// <summary>Which process answered: the pod name, else the host name, as the step services report it.</summary>
    private static readonly string Instance =
        Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.GetEnvironmentVariable("HOSTNAME") ?? Environment.MachineName;

    public static RunPipelineResponse ToResponse(PipelineRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var response = new RunPipelineResponse
        {
            Phase = run.Phase,
            TotalMs = run.TotalMs,
            Instance = Instance,
        };
        foreach (var step in run.Steps)
        {
            var result = new StepResult
            {
                Name = step.Name,
                Type = step.Type,
                Phase = step.Phase.ToString(),
                Attempts = step.Attempts,
                Message = step.Message,
                Timing = step.Timing,
            };
            switch (step.Response)
            {
                case ResizeResponse r:
                    result.Resize = r;
                    break;
                case DetectResponse d:
                    result.Detect = d;
                    break;
                case FilterResponse f:
                    result.Filter = f;
                    break;
            }

            response.Steps.Add(result);
        }

        return response;
    }
}
