using System.Globalization;

namespace ArgoFlow.Bench.Reporting;

/// <summary>Milliseconds for people: 12.3 ms below 10 s, then seconds; "-" when absent.</summary>
internal static class Numbers
{
    public static string Ms(double? ms) => ms switch
    {
        null => "-",
        < 10_000 => ms.Value.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => (ms.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
    };

    public static string Ratio(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "x";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
