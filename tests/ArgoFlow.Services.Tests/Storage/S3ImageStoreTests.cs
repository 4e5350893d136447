using ArgoFlow.Services.Errors;
using ArgoFlow.Services.Storage;
using ArgoFlow.Services.Tests.Support;
using ArgoFlow.TestSupport;

namespace ArgoFlow.Services.Tests.Storage;

/// <summary>The S3 store through the Minio SDK against s3rver on 127.0.0.1.</summary>
public sealed class S3ImageStoreTests : IClassFixture<S3ServerFixture>
{
    private readonly S3ServerFixture _fixture;

    public S3ImageStoreTests(S3ServerFixture fixture)
    {
        _fixture = fixture;
    }

    private S3Server Server => _fixture.Server;

    [Fact]
    public async Task Written_object_reads_back_under_the_prefix_and_lands_in_the_bucket()
    {
        var store = Store("s3://images/runs");
        var key = store.Resolve("a/b.jpg", "output");
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)i).ToArray();

        await store.WriteAsync(key, bytes, "image/jpeg", CancellationToken.None);
        using var read = await store.ReadAsync(store.Resolve("s3://images/runs/a/b.jpg", "input"), 1_000_000, CancellationToken.None);

        Assert.Equal("s3://images/runs/a/b.jpg", store.ToUri(key));
        Assert.Equal(bytes, read.Span.ToArray());
        Assert.True(Directory.Exists(Path.Combine(Server.DataDirectory, "images")));
    }

    [Fact]
    public async Task Missing_object_and_missing_bucket_are_not_found()
    {
        var store = Store("s3://images");

        var missing = await Assert.ThrowsAsync<StepException>(() => store.ReadAsync(store.Resolve("nope.jpg", "input"), 100, CancellationToken.None));
        var noBucket = await Assert.ThrowsAsync<StepException>(() => store.ReadAsync(store.Resolve("s3://other/x.jpg", "input"), 100, CancellationToken.None));

        Assert.Equal(StepFailure.NotFound, missing.Failure);
        Assert.Equal(StepFailure.NotFound, noBucket.Failure);
    }

    [Fact]
    public async Task Object_larger_than_the_limit_is_refused()
    {
        var store = Store("s3://images");
        var key = store.Resolve("big.bin", "output");
        await store.WriteAsync(key, new byte[10_000], "application/octet-stream", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<StepException>(() => store.ReadAsync(key, 9_999, CancellationToken.None));

        Assert.Equal(StepFailure.TooLarge, ex.Failure);
    }

    [Fact]
    public async Task Unreachable_server_is_storage_unavailable()
    {
        await using var own = await S3Server.StartAsync("images");
        var store = Store("s3://images", own.Endpoint);
        await own.StopAsync();

        var read = await Assert.ThrowsAsync<StepException>(() => store.ReadAsync(store.Resolve("x.jpg", "input"), 100, CancellationToken.None));
        var check = await Assert.ThrowsAsync<StepException>(() => store.CheckAsync(CancellationToken.None));

        Assert.Equal(StepFailure.StorageUnavailable, read.Failure);
        Assert.Equal(StepFailure.StorageUnavailable, check.Failure);
    }

    [Fact]
    public async Task Check_fails_for_a_bucket_that_does_not_exist()
    {
        var ex = await Assert.ThrowsAsync<StepException>(() => Store("s3://absent").CheckAsync(CancellationToken.None));

        Assert.Equal(StepFailure.StorageUnavailable, ex.Failure);
        Assert.Contains("absent", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://images/../x.jpg")]
    [InlineData("s3://images/%2e%2e/x.jpg")]
    [InlineData("s3://Bad_Bucket/x.jpg")]
    [InlineData("s3://images")]
    [InlineData("file:///etc/passwd")]
    [InlineData("../x.jpg")]
    public void Malformed_or_traversing_references_are_rejected(string reference)
    {
        var ex = Assert.Throws<StepException>(() => Store("s3://images").Resolve(reference, "input"));

        Assert.Equal(StepFailure.InvalidArgument, ex.Failure);
    }

    [Fact]
    public void Credentials_and_endpoint_come_from_argoflow_variables_before_aws_ones()
    {
        var env = new Dictionary<string, string>
        {
            ["ARGOFLOW_S3_ENDPOINT"] = "http://minio:9000",
            ["AWS_ENDPOINT_URL"] = "http://ignored:1",
            ["AWS_ACCESS_KEY_ID"] = "aws-key",
            ["AWS_SECRET_ACCESS_KEY"] = "aws-secret",
            ["AWS_REGION"] = "eu-west-1",
        };

        var options = new S3StoreOptions().WithEnvironment(name => env.GetValueOrDefault(name), endpointSet: false, regionSet: false);

        Assert.Equal(("http://minio:9000", "eu-west-1", "aws-key", "aws-secret"), (options.Endpoint, options.Region, options.AccessKey, options.SecretKey));
    }

    private S3ImageStore Store(string uri, string? endpoint = null) => (S3ImageStore)ImageStoreFactory.Create(uri, new S3StoreOptions
    {
        Endpoint = endpoint ?? Server.Endpoint,
        AccessKey = "S3RVER",
        SecretKey = "S3RVER",
    });
}
