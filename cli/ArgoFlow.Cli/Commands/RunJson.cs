using System.Buffers;
using System.Text;
using System.Text.Json;
using ArgoFlow.Steps.Client;
using ArgoFlow.Steps.Runner;

namespace ArgoFlow.Cli.Commands;

/// <summary>
/// `argoflow run --output json`: one JSON document on stdout with every run and step - phase, attempts, cause,
/// the services' timing, client time, output URIs and the step's result JSON (the same object the http and
/// plugin modes see as <c>outputs.result</c>).
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
}
