using ArgoFlow.Agent.Dispatch;
using ArgoFlow.Core.Expressions;

namespace ArgoFlow.Agent.Http;

/// <summary>
/// successCondition through ArgoFlow's expr implementation (<see cref="ArgoExpression"/>): the scope becomes
/// expr's environment <c>request</c> and <c>response</c> (maps, header values as lists, the status code an int),
/// and a syntax error, a construct outside the supported subset or a non-bool result fails the node with expr's
/// message - never a guess.
/// </summary>
public sealed class ExprSuccessCondition : ISuccessCondition
{
    public bool Evaluate(string condition, HttpConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var environment = new ExpressionEnvironment(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["request"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["method"] = scope.Method,
                ["url"] = scope.Url,
                ["body"] = scope.Body,
                ["bodyBytes"] = scope.BodyBytes,
                ["headers"] = Headers(scope.RequestHeaders),
            },
            ["response"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["statusCode"] = scope.StatusCode,
                ["body"] = scope.ResponseBody,
                ["headers"] = Headers(scope.ResponseHeaders),
            },
        });
        try
        {
            return ArgoExpression.EvaluateCondition(condition, environment);
        }
        catch (ExpressionSyntaxException ex)
        {
            throw new TaskFailedException(ex.Message, ex);
        }
        catch (ExpressionEvaluationException ex)
        {
            throw new TaskFailedException(ex.Message, ex);
        }
        catch (ExpressionFunctionException ex)
        {
            throw new TaskFailedException(ex.Message, ex);
        }
    }

    private static Dictionary<string, object?> Headers(IReadOnlyDictionary<string, IReadOnlyList<string>> headers) =>
        headers.ToDictionary(h => h.Key, h => (object?)h.Value.Cast<object?>().ToList(), StringComparer.Ordinal);
}
