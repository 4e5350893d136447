namespace ArgoFlow.Core.Catalog;

/// <summary>The value types a step parameter can take, as written in a spec and sent in a request.</summary>
public enum ParameterKind
{
    /// <summary>A whole number (proto int32).</summary>
    Whole,

    /// <summary>A decimal number (proto float/double).</summary>
    Number,

    /// <summary>Free text (proto string).</summary>
    Text,

    /// <summary>One of <see cref="ParameterSpec.Values"/> (proto string, checked by the service).</summary>
    Choice,

    /// <summary>true or false (proto bool).</summary>
    Boolean,

    /// <summary>A list of strings (proto repeated string).</summary>
    TextList,

    /// <summary>A list of boxes, each <c>{x1, y1, x2, y2}</c> in pixels (proto repeated Box).</summary>
    BoxList,
}
