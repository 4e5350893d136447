using ArgoFlow.Services.Hosting;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Hosting;

public sealed class ServeConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new("argoflow-config");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Flags_override_environment_which_overrides_appsettings()
    {
        File.WriteAllText(_dir.Combine("appsettings.json"),
            """{"serve": {"grpcPort": 7000, "httpPort": 7001, "maxQueue": 5, "store": "s3://from-file/p", "s3": {"endpoint": "http://file:9000", "accessKey": "k", "secretKey": "s"}}}""");
        var env = new Dictionary<string, string> { ["ARGOFLOW_HTTP_PORT"] = "7101", ["ARGOFLOW_MAX_QUEUE"] = "6", ["ARGOFLOW_MODELS"] = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.ModelPath))! };

        var (options, problems) = ServeConfiguration.Load(_dir.Combine("appsettings.json"),
            new Dictionary<string, string?> { ["maxQueue"] = "7", ["services"] = "resize, detect" }, env.GetValueOrDefault);

        Assert.Empty(problems);
        Assert.Equal((7000, 7101, 7), (options.GrpcPort, options.HttpPort, options.MaxQueue));
        Assert.Equal(["resize", "detect"], options.Services);
        Assert.Equal(("s3://from-file/p", "http://file:9000", "k"), (options.Store, options.S3.Endpoint, options.S3.AccessKey));
        Assert.Equal(SharedData.ModelPath, Assert.Single(options.Models).Path);
        Assert.True(options.HandleSignals);
    }

    [Fact]
    public void Every_problem_from_every_layer_is_listed_together()
    {
        var env = new Dictionary<string, string> { ["ARGOFLOW_MAX_PIXELS"] = "lots", ["ARGOFLOW_MODELS"] = _dir.Path, ["ARGOFLOW_CACHE"] = _dir.Path };

        var (_, problems) = ServeConfiguration.Load(null,
            new Dictionary<string, string?> { ["grpcPort"] = "-3", ["store"] = "s3://" }, env.GetValueOrDefault);

        Assert.Contains(problems, p => p.StartsWith("maxPixels: 'lots' is not an integer (flag --max-pixels, ARGOFLOW_MAX_PIXELS", StringComparison.Ordinal));
        Assert.Contains("grpcPort: must be in 0..65535, got -3", problems);
        Assert.Contains(problems, p => p.StartsWith("store: an s3:// store needs a bucket", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("model: detect needs a model", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_config_file_is_a_problem_not_a_silent_default()
    {
        var (_, problems) = ServeConfiguration.Load(_dir.Combine("nope.json"), new Dictionary<string, string?> { ["services"] = "resize" }, _ => null);

        Assert.Contains(problems, p => p.Contains("nope.json does not exist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("grpcPort", "ARGOFLOW_GRPC_PORT", "grpc-port")]
    [InlineData("s3:accessKey", "ARGOFLOW_S3_ACCESS_KEY", "s3-access-key")]
    public void Keys_map_to_environment_and_flag_names(string key, string environment, string flag)
    {
        Assert.Equal(environment, ServeConfiguration.EnvironmentName(key));
        Assert.Equal(flag, ServeConfiguration.FlagName(key));
    }

    [Fact]
    public void Two_inference_threads_for_one_pipeline_at_a_time_and_one_each_for_several()
    {
        Assert.Equal(Math.Min(2, Environment.ProcessorCount), WarmHostOptions.IntraOpThreadsFor(1));
        Assert.Equal(1, WarmHostOptions.IntraOpThreadsFor(2));
        Assert.Equal(1, WarmHostOptions.IntraOpThreadsFor(16));
    }
}
