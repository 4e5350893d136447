namespace ArgoFlow.TestSupport.FakeKube;

/// <summary>One field error of a 422: reason (FieldValueInvalid, FieldValueRequired...), field path and message.</summary>
public sealed record FakeFieldError(string Field, string Message, string Reason = "FieldValueInvalid");
