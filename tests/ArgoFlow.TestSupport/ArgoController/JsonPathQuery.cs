using System.Collections;
using System.Globalization;
using ArgoFlow.Core.Expressions;

namespace ArgoFlow.TestSupport.ArgoController;

/// <summary>
/// The JSONPath forms generated templates use: <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[index]</c>. A missing
/// key is an error, as in the library Argo uses; anything else in a path is refused, never guessed.
/// </summary>
public static class JsonPathQuery
{
    public static object? Select(object? document, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('$'))
        {
            throw new ExpressionFunctionException($"jsonpath: path '{path}' must start with $");
        }

        var current = document;
        var i = 1;
        while (i < path.Length)
        {
            string key;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                key = path[(i + 1)..(end < 0 ? path.Length : end)];
                i = end < 0 ? path.Length : end;
            }
            else if (path[i] == '[' && path.IndexOf(']', i) is var close and > 0)
            {
                key = path[(i + 1)..close].Trim('\'', '"');
                i = close + 1;
            }
            else
            {
                throw new ExpressionFunctionException($"jsonpath: unsupported path '{path}'");
            }

            current = current switch
            {
                IDictionary map when map.Contains(key) => map[key],
                IList list when int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index < list.Count =>
                    list[index < 0 ? list.Count + index : index],
                _ => throw new ExpressionFunctionException($"jsonpath: '{key}' not found in {path}"),
            };
        }

        return current;
    }
}
