using ArgoFlow.Services.Detect;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>One session for the shipped model, shared by a test class (as the service shares it).</summary>
public sealed class FastestDetModelFixture : IDisposable
{
    public DetectionModel Model { get; } = DetectionModel.Load(new ModelOptions { Path = SharedData.ModelPath }, 1);

    public void Dispose() => Model.Dispose();
}
