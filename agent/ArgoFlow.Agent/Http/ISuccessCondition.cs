namespace ArgoFlow.Agent.Http;

/// <summary>
/// Evaluates an http template's <c>successCondition</c> (an expr expression) over the request and the response.
/// Throws <see cref="Dispatch.TaskFailedException"/> with the reason when the expression cannot be evaluated
/// (syntax, a construct outside the supported subset, a type error): the node fails with that message.
/// </summary>
public interface ISuccessCondition
{
    bool Evaluate(string condition, HttpConditionScope scope);
}
