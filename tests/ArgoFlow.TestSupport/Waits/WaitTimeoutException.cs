using System.Globalization;

namespace ArgoFlow.TestSupport.Waits;

/// <summary>A bounded wait in a test ran out: the message says what never happened and how long it was given.</summary>
public sealed class WaitTimeoutException : TimeoutException
{
    public WaitTimeoutException(string waitingFor, TimeSpan bound)
        : base(string.Create(CultureInfo.InvariantCulture, $"gave up after {bound.TotalSeconds:0.#} s waiting for {waitingFor}"))
    {
        WaitingFor = waitingFor;
    }

    public WaitTimeoutException()
    {
        WaitingFor = "";
    }

    public WaitTimeoutException(string message)
        : base(message)
    {
        WaitingFor = "";
    }

    public WaitTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        WaitingFor = "";
    }

    /// <summary>What the test waited for, as the test described it.</summary>
    public string WaitingFor { get; }
}
