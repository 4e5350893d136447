using System.Buffers;
using System.Text;
using System.Text.Json;
using ArgoFlow.Contracts.V1;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow run --output json`: one JSON document on stdout with what the summary shows - detections per class
/// of each detect step (summed over runs) and every file written - and every run and step: phase, attempts, cause,
/// the services' timing, client time, output URIs, a detect step's detections per class and the step's result JSON
/// (the same object the http and plugin modes see as <c>outputs.result</c>).
/// </summary>
internal static class RunJson
{
    public static string Write(RunReport report)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("pipeline", report.Spec.Name);
            json.WriteString("phase", report.Succeeded ? "Succeeded" : "Failed");
            json.WriteString("services", report.Services);
            if (report.StoreRoot is not null)
            {
                json.WriteString("outputDirectory", report.StoreRoot);
            }

            json.WriteNumber("runCount", report.Runs.Count);
            json.WriteNumber("failedRuns", report.Runs.Count(r => !r.Succeeded));
            WriteFindings(json, RunFindings.Of(report));
            json.WriteStartArray("runs");
            foreach (var run in report.Runs)
            {
                WriteRun(json, run);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRun(Utf8JsonWriter json, PipelineRunResult run)
    {
        json.WriteStartObject();
        json.WriteString("phase", run.Phase);
        json.WriteNumber("totalMs", Math.Round(run.TotalMs, 3));
        json.WriteStartObject("parameters");
        foreach (var (name, value) in run.Parameters)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteStartArray("steps");
        foreach (var step in run.Steps)
        {
            json.WriteStartObject();
            json.WriteString("name", step.Name);
            json.WriteString("type", step.Type);
            json.WriteString("phase", step.Phase.ToString());
            json.WriteNumber("attempts", step.Attempts);
            json.WriteString("message", step.Message);
            json.WriteNumber("clientMs", Math.Round(step.ClientMs, 3));
            json.WritePropertyName("timing");
            ProtoJson.WriteMessage(json, step.Timing);
            json.WriteStartObject("outputs");
            foreach (var (port, uri) in step.Outputs)
            {
                json.WriteString(port, uri);
            }

            json.WriteEndObject();
            if (step.Response is DetectResponse detect)
            {
                WriteCounts(json, "detections", RunFindings.Count(detect.Detections));
            }

            if (step.Response is not null)
            {
                json.WritePropertyName("result");
                ProtoJson.WriteMessage(json, step.Response);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter json, RunFindings findings)
    {
        json.WriteStartObject("detections");
        foreach (var step in findings.Detections)
        {
            WriteCounts(json, step.Step, step.Classes);
        }

        json.WriteEndObject();
        json.WriteNumber("fileCount", findings.Files.Count);
        json.WriteStartArray("files");
        foreach (var file in findings.Files)
        {
            json.WriteStartObject();
            json.WriteString("step", file.Step);
            json.WriteString("output", file.Port);
            json.WriteString("path", file.Path);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<KeyValuePair<string, int>> counts)
    {
        json.WriteStartObject(name);
        foreach (var (className, count) in counts)
        {
            json.WriteNumber(className, count);
        }

        json.WriteEndObject();
    }
}
