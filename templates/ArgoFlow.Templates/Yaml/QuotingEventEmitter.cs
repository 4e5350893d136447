using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace ArgoFlow.Templates.Yaml;

/// <summary>
/// Chooses the style of every string scalar: double quotes when a reader would take it for another type
/// (<see cref="ScalarQuoting"/>), a literal block for multi-line text (readable embedded YAML and scripts),
/// plain otherwise (YamlDotNet itself quotes what cannot be plain, such as a leading <c>{</c>).
/// </summary>
internal sealed class QuotingEventEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Type == typeof(string) && eventInfo.Source.Value is string text)
        {
            eventInfo.Style = Choose(text);
        }

        base.Emit(eventInfo, emitter);
    }

    public static ScalarStyle Choose(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\r', StringComparison.Ordinal) &&
            !text.Contains('\t', StringComparison.Ordinal) && !text.Split('\n').Any(line => line.EndsWith(' ')))
        {
            return ScalarStyle.Literal;
        }

        return ScalarQuoting.NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
    }
}
