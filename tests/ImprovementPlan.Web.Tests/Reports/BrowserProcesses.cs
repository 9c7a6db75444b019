using System.Diagnostics;

namespace ImprovementPlan.Web.Tests.Reports;

/// <summary>The renderer's Chromium as the operating system sees it.</summary>
public static class BrowserProcesses
{
    /// <summary>Kills the Chromium browser process launched with the renderer's marker switch (Linux: reads /proc).</summary>
    public static int Kill(string marker)
    {
        var killed = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains(marker, StringComparison.Ordinal) && !commandLine.Contains("--type=", StringComparison.Ordinal))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                    killed++;
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }
        }

        return killed;
    }
}
