namespace ArgoFlow.Services.Storage;

/// <summary>
/// How to reach an S3-compatible store. Credentials come from configuration or the environment only, never from
/// command-line arguments (those end up in process listings and logs).
/// </summary>
public sealed class S3StoreOptions
{
    /// <summary>Bucket that store-relative keys live in (from <c>--store s3://bucket/prefix</c>).</summary>
    public string Bucket { get; set; } = string.Empty;

    /// <summary>Prefix prepended to store-relative keys, without leading or trailing '/'. Default none.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Endpoint URL, e.g. <c>http://minio.argo:9000</c>; the scheme decides TLS. Default AWS S3.</summary>
    public string Endpoint { get; set; } = "https://s3.amazonaws.com";

    /// <summary>Region; default us-east-1.</summary>
    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>
    /// Fills unset values from the environment: ARGOFLOW_S3_ENDPOINT, ARGOFLOW_S3_REGION, ARGOFLOW_S3_ACCESS_KEY,
    /// ARGOFLOW_S3_SECRET_KEY, else the AWS names (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, AWS_REGION,
    /// AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
    /// </summary>
    public S3StoreOptions WithEnvironment(Func<string, string?> getEnvironment, bool endpointSet, bool regionSet)
    {
        ArgumentNullException.ThrowIfNull(getEnvironment);
        string? first(params string[] names) =>
            names.Select(getEnvironment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (!endpointSet)
        {
            Endpoint = first("ARGOFLOW_S3_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL") ?? Endpoint;
        }

        if (!regionSet)
        {
            Region = first("ARGOFLOW_S3_REGION", "AWS_REGION", "AWS_DEFAULT_REGION") ?? Region;
        }

        AccessKey ??= first("ARGOFLOW_S3_ACCESS_KEY", "AWS_ACCESS_KEY_ID");
        SecretKey ??= first("ARGOFLOW_S3_SECRET_KEY", "AWS_SECRET_ACCESS_KEY");
        return this;
    }

    /// <summary>Every problem with these options, empty when usable.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            yield return "store: an s3:// store needs a bucket (s3://bucket[/prefix])";
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"s3.endpoint: '{ArgoFlow.Core.Text.UrlRedaction.Redact(Endpoint)}' is not an http:// or https:// URL";
        }

        if (string.IsNullOrEmpty(AccessKey) != string.IsNullOrEmpty(SecretKey))
        {
            yield return "s3 credentials: give both an access key and a secret key (ARGOFLOW_S3_ACCESS_KEY/ARGOFLOW_S3_SECRET_KEY or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)";
        }
    }
}
