# syntax=docker/dockerfile:1

# Improvement Plan Tracker: the web app, with Chromium for PDF reports. See docs/deployment.md.
#
#   docker build -t improvement-plan-tracker .
#
# Both stages are Debian 13 ("trixie") with .NET copied unchanged from Microsoft's sdk:10.0 and
# aspnet:10.0 images. From .NET 10 those images are Ubuntu 24.04 and Microsoft publishes no Debian
# ones; on Ubuntu the chromium package only installs a snap, which does not run in a container, and
# Ubuntu's Node.js (18) is older than Sass needs (20.19 or later). Debian 13 has both.

ARG DOTNET_SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG DOTNET_RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG DEBIAN_IMAGE=debian:trixie-slim

FROM ${DOTNET_SDK_IMAGE} AS dotnet-sdk
FROM ${DOTNET_RUNTIME_IMAGE} AS dotnet-runtime

# ---------------------------------------------------------------------------------------------
# Build: the .NET 10 SDK plus Node.js and npm, because the web project's build runs `npm ci` and
# `npm run build` to compile GOV.UK Frontend's Sass into wwwroot.
# ---------------------------------------------------------------------------------------------
FROM ${DEBIAN_IMAGE} AS build

ENV DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    NUGET_XMLDOC_MODE=skip

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        libicu76 \
        libssl3t64 \
        nodejs \
        npm \
    && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet-sdk /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && dotnet --version \
    && node --version

WORKDIR /src
COPY . .

# Only the web project (and the domain project it references) is restored: the image needs
# nothing from the test projects. The caches keep downloaded packages between builds.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    --mount=type=cache,id=npm,target=/root/.npm \
    dotnet restore src/ImprovementPlan.Web/ImprovementPlan.Web.csproj \
    && dotnet publish src/ImprovementPlan.Web/ImprovementPlan.Web.csproj -c Release -o /app --no-restore

# ---------------------------------------------------------------------------------------------
# Runtime: the ASP.NET Core runtime, Chromium for the PDF renderer, and the UK time zone.
# ---------------------------------------------------------------------------------------------
FROM ${DEBIAN_IMAGE} AS runtime

# - libicu76: the app runs with globalisation on (en-GB dates and numbers).
# - tzdata: the app asks for "Europe/London" to work out today's date; without the zone files it fails.
# - chromium: the PDF renderer drives it through Microsoft.Playwright as /usr/bin/chromium.
#   chromium-sandbox is a "recommends" and is left out: Playwright starts Chromium without its
#   setuid sandbox by default, and a container's default seccomp profile would block it anyway.
# - fonts-liberation: Liberation Sans has Arial's metrics, so PDFs lay out as they do on screen.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        libicu76 \
        libssl3t64 \
        libstdc++6 \
        libgcc-s1 \
        tzdata \
        chromium \
        fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# A non-root user with the same id as the `app` user of Microsoft's images. It has a home folder
# because Chromium writes its profile and crash data there.
ARG APP_UID=1654
RUN groupadd --system --gid ${APP_UID} app \
    && useradd --system --uid ${APP_UID} --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app \
    && mkdir -p /var/lib/improvement-plan \
    && chown app:app /var/lib/improvement-plan

# The application files stay owned by root: the app can read them but not change them.
WORKDIR /app
COPY --from=build /app ./

ENV DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    HOME=/home/app \
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataDirectory=/var/lib/improvement-plan

# The data folder: the SQLite database (when SQLite is the provider) and, later, uploaded evidence.
VOLUME ["/var/lib/improvement-plan"]

USER ${APP_UID}
EXPOSE 8080

# The image has neither curl nor wget, and adding one only for this is not worth it: bash (part of
# the Debian base) opens the TCP connection itself and checks for "200" in the status line.
# /health/live has no dependencies, so this says "the process serves requests", nothing more.
# If AllowedHosts is restricted, it must still allow "localhost", or this check gets 400.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "ImprovementPlan.Web.dll"]
