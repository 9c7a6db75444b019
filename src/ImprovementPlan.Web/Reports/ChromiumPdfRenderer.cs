using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace ImprovementPlan.Web.Reports;

/// <summary>Prints HTML the app produced to a PDF.</summary>
public interface IPdfRenderer
{
    /// <summary>Renders <paramref name="html"/> (self-contained: styles inlined) to PDF bytes.</summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium cannot be found or started, or the render timed out.</exception>
    /// <exception cref="PdfRendererBusyException">Every render slot stayed busy for the queue wait.</exception>
    Task<byte[]> RenderAsync(string html, PdfDocumentSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Whether the renderer can print now, and if not, why (for the health check).</summary>
    PdfRendererStatus Status { get; }
}

public sealed record PdfRendererStatus(bool IsAvailable, string Description);

/// <summary>
/// Headless Chromium driven by Microsoft.Playwright. One warm browser is shared by every request,
/// and so are a few warm pages, each in a browser context of its own (JavaScript off, offline, every
/// request but data: URIs refused): a render takes an idle page, prints, then resets it (about:blank,
/// cookies and permissions cleared) and puts it back, so printing costs what Chromium's layout and
/// printing cost, not a new context and tab (see docs/adr/0010-warm-pdf-pages.md). A page is used
/// for at most <see cref="RendersPerPage"/> renders and is dropped on any failure. A semaphore bounds
/// concurrent renders (and so the pages: never more than the slots); each render has a timeout; a
/// browser that died or disconnected is relaunched on the next render, with fresh pages.
/// </summary>
public sealed partial class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable
{
    private readonly PdfOptions _options;
    private readonly ILogger<ChromiumPdfRenderer> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _launchLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _lastLaunchError;
    private readonly System.Collections.Concurrent.ConcurrentBag<WarmPage> _idlePages = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, bool> _recycling = new();
    private int _launches;
    private int _blockedRequests;
    private int _pagesOpened;

    /// <summary>A page is retired after this many renders, so nothing a long-lived tab accumulates can grow without bound.</summary>
    internal const int RendersPerPage = 200;

    public ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrentRenders);
    }

    /// <summary>A switch added to the browser's command line, so tests can find (and kill) its process.</summary>
    internal string InstanceMarker { get; } = "--ipt-pdf-renderer=" + Guid.NewGuid().ToString("N");

    /// <summary>How many times a browser has been launched (the first launch and every relaunch).</summary>
    internal int Launches => _launches;

    /// <summary>How many requests from rendered pages were refused.</summary>
    internal int BlockedRequests => _blockedRequests;

    /// <summary>How many warm pages (each with its own context) have been opened since start-up.</summary>
    internal int PagesOpened => _pagesOpened;

    public PdfRendererStatus Status
    {
        get
        {
            if (!File.Exists(_options.ChromiumPath))
            {
                return new PdfRendererStatus(false, MissingMessage(_options.ChromiumPath));
            }

            if (_browser is { IsConnected: true })
            {
                return new PdfRendererStatus(true, "Chromium is running and ready to print.");
            }

            return _lastLaunchError is { } error
                ? new PdfRendererStatus(false, error)
                : new PdfRendererStatus(true, $"Chromium found at {_options.ChromiumPath}; it starts with the first PDF.");
        }
    }

    public async Task<byte[]> RenderAsync(string html, PdfDocumentSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(settings);
        if (!await _slots.WaitAsync(TimeSpan.FromSeconds(_options.QueueWaitSeconds), cancellationToken))
        {
            throw new PdfRendererBusyException();
        }

        // Set once a render has its PDF: the page is then made ready for the next render while the response
        // goes out, and the slot is given back when that is done, so the caller never waits for the reset.
        Task? recycling = null;
        try
        {
            var timeout = TimeSpan.FromSeconds(_options.RenderTimeoutSeconds);
            // A browser killed since the last render fails the first attempt; the second relaunches it.
            for (var attempt = 1; ; attempt++)
            {
                var browser = await EnsureBrowserAsync(cancellationToken);
                try
                {
                    var (pdf, recycled) = await UntilDisconnected(browser, RenderOnceAsync(browser, html, settings, timeout)).WaitAsync(timeout, cancellationToken);
                    recycling = recycled;
                    return PdfMetadata.Apply(pdf, settings.Title, settings.Author, settings.Subject, "en-GB");
                }
                catch (PlaywrightException ex) when (attempt == 1)
                {
                    LogRenderRetry(_logger, ex.GetType().Name);
                    await DiscardBrowserAsync(browser);
                }
                catch (TimeoutException ex)
                {
                    await DiscardBrowserAsync(browser);
                    throw new PdfRendererUnavailableException(
                        $"Printing the PDF took longer than {_options.RenderTimeoutSeconds} seconds and was stopped.", ex);
                }
            }
        }
        finally
        {
            if (recycling is null)
            {
                _slots.Release();
            }
            else
            {
                _ = ReleaseSlotAfterAsync(recycling);
            }
        }
    }

    private async Task ReleaseSlotAfterAsync(Task recycling)
    {
        try
        {
            await recycling;
        }
#pragma warning disable CA1031 // The reset's own failures close the page; nothing here may keep the slot taken.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        try
        {
            _slots.Release();
        }
        catch (ObjectDisposedException)
        {
            // The renderer was disposed while the page was being reset.
        }
    }

    /// <summary>
    /// The render's result, or a <see cref="PlaywrightException"/> as soon as the browser goes away: a
    /// call in flight when the process dies can otherwise wait for the whole render timeout.
    /// </summary>
    private static async Task<T> UntilDisconnected<T>(IBrowser browser, Task<T> render)
    {
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDisconnected(object? sender, IBrowser e) => gone.TrySetResult();
        browser.Disconnected += OnDisconnected;
        try
        {
            if (!browser.IsConnected)
            {
                gone.TrySetResult();
            }

            if (await Task.WhenAny(render, gone.Task) == render)
            {
                return await render;
            }

            // The abandoned render fails on its own once the driver notices; observe that failure.
            _ = render.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw new PlaywrightException("The browser closed while printing.");
        }
        finally
        {
            browser.Disconnected -= OnDisconnected;
        }
    }

    /// <summary>Prints on a warm page; returns the PDF and the task that readies the page for the next render (or closes it).</summary>
    private async Task<(byte[] Pdf, Task Recycled)> RenderOnceAsync(IBrowser browser, string html, PdfDocumentSettings settings, TimeSpan timeout)
    {
        var warm = await TakePageAsync(browser, timeout);
        byte[] pdf;
        try
        {
            await warm.Page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            pdf = await warm.Page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Landscape = settings.Landscape,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = HeaderTemplate(settings),
                FooterTemplate = FooterTemplate,
                Margin = settings.Landscape
                    ? new Margin { Top = "18mm", Bottom = "16mm", Left = "10mm", Right = "10mm" }
                    : new Margin { Top = "20mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
            });
        }
        catch
        {
            if (browser.IsConnected)
            {
                await CloseQuietlyAsync(warm.Context);
            }

            throw;
        }

        var recycled = RecycleAsync(browser, warm);
        _recycling[recycled] = true;
        _ = recycled.ContinueWith(t => _recycling.TryRemove(t, out _), TaskScheduler.Default);
        return (pdf, recycled);
    }

    /// <summary>Resets a page that has printed and puts it back among the idle pages, or closes it when it has printed enough or the reset failed.</summary>
    private async Task RecycleAsync(IBrowser browser, WarmPage warm)
    {
        var reusable = ++warm.Renders < RendersPerPage && await ResetAsync(warm);
        if (reusable && browser.IsConnected)
        {
            _idlePages.Add(warm);
        }
        else if (browser.IsConnected)
        {
            await CloseQuietlyAsync(warm.Context);
        }
    }

    /// <summary>An idle warm page of this browser, or a new one (its own context, network refused) when none is idle.</summary>
    private async Task<WarmPage> TakePageAsync(IBrowser browser, TimeSpan timeout)
    {
        while (true)
        {
            while (_idlePages.TryTake(out var idle))
            {
                if (ReferenceEquals(idle.Browser, browser) && browser.IsConnected && !idle.Page.IsClosed)
                {
                    return idle;
                }

                // A page of a browser since discarded (or closed under us): drop it.
                if (idle.Browser.IsConnected)
                {
                    await CloseQuietlyAsync(idle.Context);
                }
            }

            // A page that has just printed is being reset: waiting for it is quicker than opening another.
            var resetting = _recycling.Keys.Where(t => !t.IsCompleted).ToArray();
            if (resetting.Length == 0)
            {
                break;
            }

            await Task.WhenAny(resetting);
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            Offline = true,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        try
        {
            await context.RouteAsync("**/*", route =>
            {
                if (route.Request.Url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    return route.ContinueAsync();
                }

                Interlocked.Increment(ref _blockedRequests);
                return route.AbortAsync("blockedbyclient");
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)timeout.TotalMilliseconds);
            Interlocked.Increment(ref _pagesOpened);
            return new WarmPage(browser, context, page);
        }
        catch
        {
            if (browser.IsConnected)
            {
                await CloseQuietlyAsync(context);
            }

            throw;
        }
    }

    /// <summary>
    /// Leaves nothing of the last document for the next: navigates to about:blank (a new, empty document
    /// with an opaque origin) and clears the context's cookies and permissions. JavaScript is off, so the
    /// document could not have written storage. False when the reset failed: the page is then closed.
    /// </summary>
    private static async Task<bool> ResetAsync(WarmPage warm)
    {
        try
        {
            await warm.Page.GotoAsync("about:blank");
            await warm.Context.ClearCookiesAsync();
            await warm.Context.ClearPermissionsAsync();
            return warm.Page.Url == "about:blank";
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    /// <summary>A warm page, its own context, and the browser they belong to.</summary>
    private sealed class WarmPage(IBrowser browser, IBrowserContext context, IPage page)
    {
        public IBrowser Browser { get; } = browser;

        public IBrowserContext Context { get; } = context;

        public IPage Page { get; } = page;

        public int Renders { get; set; }
    }

    private const string TemplateStyle = "font-family: Arial, 'Liberation Sans', sans-serif; font-size: 8pt; color: #383f43; width: 100%;";

    private const string FooterTemplate =
        "<div style=\"" + TemplateStyle + " text-align: center;\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>";

    private static string HeaderTemplate(PdfDocumentSettings settings)
    {
        var encoder = HtmlEncoder.Default;
        return $"<div style=\"{TemplateStyle} margin: 0 10mm; display: flex; justify-content: space-between; border-bottom: 0.5pt solid #b1b4b6; padding-bottom: 2pt;\">"
            + $"<span>{encoder.Encode(settings.Title)}</span><span>{encoder.Encode(settings.DateText)}</span></div>";
    }

    private async Task<IBrowser> EnsureBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } warm)
        {
            return warm;
        }

        await _launchLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } launched)
            {
                return launched;
            }

            if (_browser is { } dead)
            {
                _browser = null;
                await CloseQuietlyAsync(dead);
            }

            var path = _options.ChromiumPath;
            if (!File.Exists(path))
            {
                _lastLaunchError = MissingMessage(path);
                throw new PdfRendererUnavailableException(_lastLaunchError);
            }

            try
            {
                _playwright ??= await Playwright.CreateAsync();
                var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = path,
                    Headless = true,
                    ChromiumSandbox = false,
                    Timeout = _options.LaunchTimeoutSeconds * 1000f,
                    Args =
                    [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", InstanceMarker,
                    ],
                });
                browser.Disconnected += (_, _) => LogBrowserDisconnected(_logger);
                _browser = browser;
                _lastLaunchError = null;
                Interlocked.Increment(ref _launches);
                LogBrowserLaunched(_logger, path, browser.Version);
                return browser;
            }
            catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException or IOException
                or System.ComponentModel.Win32Exception or TimeoutException)
            {
                _lastLaunchError = $"Chromium at {path} could not be started: {FirstLine(ex.Message)}";
                LogLaunchFailed(_logger, ex, path);
                throw new PdfRendererUnavailableException(_lastLaunchError, ex);
            }
        }
        finally
        {
            _launchLock.Release();
        }
    }

    private async Task DiscardBrowserAsync(IBrowser browser)
    {
        await _launchLock.WaitAsync();
        try
        {
            if (ReferenceEquals(_browser, browser))
            {
                _browser = null;
            }
        }
        finally
        {
            _launchLock.Release();
        }

        await CloseQuietlyAsync(browser);
    }

    private static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser went away mid-render; the retry starts a new one.
        }
    }

    private static async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Already gone: that is why it is being discarded.
        }
    }

    private static string MissingMessage(string path) =>
        $"Chromium was not found at {path}. Install it (on Debian or Ubuntu: apt-get install chromium) "
        + "or set Pdf:ChromiumPath to the browser's executable, then try again.";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public async ValueTask DisposeAsync()
    {
        if (_browser is { } browser)
        {
            await CloseQuietlyAsync(browser);
        }

        _playwright?.Dispose();
        _slots.Dispose();
        _launchLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PDF renderer launched Chromium {Path} (version {Version})")]
    private static partial void LogBrowserLaunched(ILogger logger, string path, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF renderer's Chromium disconnected; it will be relaunched on the next render")]
    private static partial void LogBrowserDisconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PDF render failed ({Error}); relaunching Chromium and trying once more")]
    private static partial void LogRenderRetry(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "PDF renderer could not start Chromium at {Path}")]
    private static partial void LogLaunchFailed(ILogger logger, Exception exception, string path);
}
