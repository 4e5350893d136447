using Google.Protobuf;

namespace ArgoFlow.Services.Tests.Support;

/// <summary>
/// Writes a minimal ONNX model by hand (protobuf wire format of onnx.proto): one float input [1, 3, H, W] and one
/// Constant node whose value is the output. Enough to drive a real ONNX Runtime session through a decoder
/// without any weights or Python.
/// </summary>
internal static class TinyOnnxModel
{
    public static byte[] ConstantOutput(
        string inputName, long[] inputShape, string outputName, long[] outputShape, float[] values,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var tensor = Message(w =>
        {
            foreach (var dim in outputShape)
            {
                w.WriteTag(1, WireFormat.WireType.Varint);
                w.WriteInt64(dim);
            }

            w.WriteTag(2, WireFormat.WireType.Varint);
            w.WriteInt32(1); // FLOAT
            var raw = new byte[values.Length * 4];
            Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
            w.WriteTag(9, WireFormat.WireType.LengthDelimited);
            w.WriteBytes(ByteString.CopyFrom(raw));
        });
        var attribute = Message(w =>
        {
            WriteString(w, 1, "value");
            WriteMessage(w, 5, tensor);
            w.WriteTag(20, WireFormat.WireType.Varint);
            w.WriteInt32(4); // TENSOR
        });
        var node = Message(w =>
        {
            WriteString(w, 2, outputName);
            WriteString(w, 3, "constant");
            WriteString(w, 4, "Constant");
            WriteMessage(w, 5, attribute);
        });
        var graph = Message(w =>
        {
            WriteMessage(w, 1, node);
            WriteString(w, 2, "tiny");
            WriteMessage(w, 11, ValueInfo(inputName, inputShape));
            WriteMessage(w, 12, ValueInfo(outputName, outputShape));
        });
        return Message(w =>
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteInt64(8); // IR version 8
            WriteString(w, 2, "argoflow-tests");
            WriteMessage(w, 7, graph);
            WriteMessage(w, 8, Message(o =>
            {
                WriteString(o, 1, string.Empty);
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(17);
            }));
            foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
            {
                WriteMessage(w, 14, Message(m =>
                {
                    WriteString(m, 1, key);
                    WriteString(m, 2, value);
                }));
            }
        });
    }

    private static byte[] ValueInfo(string name, long[] shape) => Message(w =>
    {
        WriteString(w, 1, name);
        WriteMessage(w, 2, Message(type => WriteMessage(type, 1, Message(t =>
        {
            t.WriteTag(1, WireFormat.WireType.Varint);
            t.WriteInt32(1); // FLOAT
            WriteMessage(t, 2, Message(s =>
            {
                foreach (var dim in shape)
                {
                    WriteMessage(s, 1, Message(d =>
                    {
                        d.WriteTag(1, WireFormat.WireType.Varint);
                        d.WriteInt64(dim);
                    }));
                }
            }));
        }))));
    });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }

    private static void WriteString(CodedOutputStream w, int field, string value)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteString(value);
    }

    private static void WriteMessage(CodedOutputStream w, int field, byte[] message)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(ByteString.CopyFrom(message));
    }
}
