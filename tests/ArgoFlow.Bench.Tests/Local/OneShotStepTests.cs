using ArgoFlow.Bench.Local;
using ArgoFlow.Core.Errors;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Bench.Tests.Local;

public sealed class OneShotStepTests
{
    [Fact]
    public async Task One_shot_resize_runs_the_service_once_and_returns_its_response_json()
    {
        using var store = new TempDirectory();
        File.Copy(SharedData.Image("0.jpg"), store.Combine("in.jpg"));
        var json = await OneShotStep.RunAsync("resize", """{"input": "in.jpg", "width": 64}""", store.Path, null, CancellationToken.None);

        Assert.Contains("\"width\":64", json, StringComparison.Ordinal);
        Assert.Contains("\"sourceWidth\":640", json, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFiles(store.Path, "*", SearchOption.AllDirectories), f => !f.EndsWith("in.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_shot_with_a_request_that_is_not_json_is_invalid_input()
    {
        using var store = new TempDirectory();
        var error = await Assert.ThrowsAsync<ArgoFlowException>(() => OneShotStep.RunAsync("resize", "width=64", store.Path, null, CancellationToken.None));
        Assert.Equal(ExitCode.InvalidInput, error.ExitCode);
        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_shot_of_an_unknown_step_type_is_a_usage_error()
    {
        using var store = new TempDirectory();
        var error = await Assert.ThrowsAsync<ArgoFlowException>(() => OneShotStep.RunAsync("blur", "{}", store.Path, null, CancellationToken.None));
        Assert.Equal(ExitCode.Usage, error.ExitCode);
    }
}
