using System.Globalization;
using ArgoFlow.Core.Expressions.Syntax;

namespace ArgoFlow.Core.Tests.Expressions;

/// <summary>Renders a tree as a compact prefix form so parser tests can state the whole shape in one string.</summary>
internal static class NodeRenderer
{
    public static string Render(ExprNode node) => node switch
    {
        NilNode => "nil",
        BoolNode b => b.Value ? "true" : "false",
        IntegerNode i => i.Value.ToString(CultureInfo.InvariantCulture),
        FloatNode f => f.Value.ToString("0.0###############", CultureInfo.InvariantCulture),
        StringNode s => $"'{s.Value}'",
        BytesNode b => $"b'{b.Value}'",
        IdentifierNode id => id.Name,
        PointerNode p => "#" + p.Name,
        UnaryNode u => $"({u.Operator} {Render(u.Operand)})",
        BinaryNode b => $"({b.Operator} {Render(b.Left)} {Render(b.Right)})",
        MemberNode m => $"({(m.Optional ? "?." : ".")} {Render(m.Target)} {Render(m.Property)})",
        ChainNode c => $"(chain {Render(c.Node)})",
        SliceNode s => $"(slice {Render(s.Target)} {(s.From is null ? "_" : Render(s.From))} {(s.To is null ? "_" : Render(s.To))})",
        CallNode c => $"(call {Render(c.Callee)}{string.Concat(c.Arguments.Select(a => " " + Render(a)))})",
        PredicateNode p => $"{{{Render(p.Body)}}}",
        ConditionalNode c => $"({(c.Ternary ? "?:" : "if")} {Render(c.Condition)} {Render(c.Then)} {Render(c.Else)})",
        ArrayNode a => $"[{string.Join(" ", a.Elements.Select(Render))}]",
        MapNode m => $"{{{string.Join(" ", m.Pairs.Select(p => Render(p.Key) + ":" + Render(p.Value)))}}}",
        SequenceNode s => $"(; {string.Join(" ", s.Expressions.Select(Render))})",
        VariableDeclarationNode v => $"(let {v.Name} {Render(v.Value)} {Render(v.Body)})",
        _ => throw new InvalidOperationException(node.GetType().Name),
    };
}
