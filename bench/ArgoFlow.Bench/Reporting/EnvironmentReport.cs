namespace ArgoFlow.Bench.Reporting;

/// <summary>The machine and software versions, so numbers from different places are never compared blindly.</summary>
public sealed record EnvironmentReport(
    string Machine,
    string Cpu,
    int Cores,
    string Os,
    string Runtime,
    string ArgoFlow,
    string OnnxRuntime,
    string OpenCv);
