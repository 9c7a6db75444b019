namespace ImprovementPlan.Web.Reports;

/// <summary>Chromium cannot be found or started: the PDF routes answer 503 with this message.</summary>
public sealed class PdfRendererUnavailableException : Exception
{
    public PdfRendererUnavailableException()
    {
    }

    public PdfRendererUnavailableException(string message)
        : base(message)
    {
    }

    public PdfRendererUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Every render slot stayed busy for the whole queue wait: the PDF routes answer 429.</summary>
public sealed class PdfRendererBusyException : Exception
{
    public PdfRendererBusyException()
        : base("Every PDF render slot is busy.")
    {
    }

    public PdfRendererBusyException(string message)
        : base(message)
    {
    }

    public PdfRendererBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
