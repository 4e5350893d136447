namespace ArgoFlow.Templates.Lint;

/// <summary>
/// What a tag may refer to where it is written: the template's input parameters, and in a DAG task the tasks it
/// depends on (directly or not), in a step the steps of earlier groups. Null means "not in this kind of template".
/// <paramref name="Items"/> are the keys <c>{{item.KEY}}</c> may use in a looping step or task (see
/// <see cref="LoopItems"/>); null outside a loop.
/// </summary>
internal sealed record TagScope(
    IReadOnlySet<string> Inputs,
    IReadOnlySet<string>? Tasks = null,
    IReadOnlySet<string>? AllTasks = null,
    IReadOnlySet<string>? Steps = null,
    IReadOnlySet<string>? Items = null);
