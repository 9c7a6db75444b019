using System.Diagnostics;
using Microsoft.Playwright;

namespace ImprovementPlan.Benchmarks;

/// <summary>The PDF baseline the app is compared with: one Chromium page, opened once, printing the same HTML again and again.</summary>
internal static class WarmPagePrint
{
    public static async Task<List<double>> TimeAsync(string chromium, string html, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            ChromiumSandbox = false,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var options = new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            Tagged = true,
            Outline = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<div style=\"font-size: 8pt; width: 100%;\"><span class=\"title\"></span></div>",
            FooterTemplate = "<div style=\"font-size: 8pt; width: 100%; text-align: center;\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
            Margin = new Margin { Top = "20mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
        };

        // One print to warm the page, then the timed ones.
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        await page.PdfAsync(options);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            await page.PdfAsync(options);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        await context.CloseAsync();
        return times;
    }
}
