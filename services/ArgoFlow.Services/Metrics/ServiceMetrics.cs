using ArgoFlow.Contracts.V1;
using Prometheus;

namespace ArgoFlow.Services.Metrics;

/// <summary>
/// Prometheus metrics of one host, in its own registry (two hosts in one process do not mix): per-stage latency
/// histograms, calls in flight, calls rejected by load shedding, and calls by status code. Served on /metrics.
/// </summary>
public sealed class ServiceMetrics
{
    private static readonly double[] Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16);
    private readonly Histogram _stages;
    private readonly Gauge _inFlight;
    private readonly Counter _rejected;
    private readonly Counter _calls;

    public ServiceMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _stages = factory.CreateHistogram("argoflow_stage_seconds", "Time per stage of a service call (download, decode, process, encode, upload, total).",
            new HistogramConfiguration { LabelNames = ["service", "stage"], Buckets = Buckets });
        _inFlight = factory.CreateGauge("argoflow_calls_in_flight", "Calls being processed now.", new GaugeConfiguration { LabelNames = ["service"] });
        _rejected = factory.CreateCounter("argoflow_calls_rejected_total", "Calls shed because concurrency and queue were full.",
            new CounterConfiguration { LabelNames = ["service"] });
        _calls = factory.CreateCounter("argoflow_calls_total", "Finished calls by gRPC status code (errors are the non-OK codes).",
            new CounterConfiguration { LabelNames = ["service", "code"] });
    }

    public CollectorRegistry Registry { get; }

    public IDisposable TrackInFlight(string service) => _inFlight.WithLabels(service).TrackInProgress();

    public void Rejected(string service) => _rejected.WithLabels(service).Inc();

    public void Finished(string service, string code) => _calls.WithLabels(service, code).Inc();

    public void Observe(string service, Timing timing)
    {
        ArgumentNullException.ThrowIfNull(timing);
        _stages.WithLabels(service, "download").Observe(timing.DownloadMs / 1000);
        _stages.WithLabels(service, "decode").Observe(timing.DecodeMs / 1000);
        _stages.WithLabels(service, "process").Observe(timing.ProcessMs / 1000);
        _stages.WithLabels(service, "encode").Observe(timing.EncodeMs / 1000);
        _stages.WithLabels(service, "upload").Observe(timing.UploadMs / 1000);
        _stages.WithLabels(service, "total").Observe(timing.TotalMs / 1000);
    }
}
