namespace ArgoFlow.Agent.Tests.Support;

/// <summary>One request the test server received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
