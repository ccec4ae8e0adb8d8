# Sim2Real on Debian 12 (bookworm) with the .NET 10 SDK. Everything else comes from scripts/setup, the same
# script README's two commands run.
#
# Debian 12 underneath, because the engines are Debian 12's packages (MuJoCo 2.2.2, libtorch 1.13,
# Cyclone DDS 0.10) and the bindings check their versions. Microsoft ships no Debian image for .NET 10: its .NET
# 10 Linux tags are Ubuntu 24.04 (10.0, 10.0-noble), Alpine and Azure Linux (dotnet/dotnet-docker#6860,
# https://github.com/dotnet/dotnet-docker/issues/6860). So the SDK is copied out of the official 10.0 image.
# Its /usr/share/dotnet is Microsoft's portable linux-x64 SDK build, which runs on Debian 12 once the runtime
# libraries below are installed.
# We copy from the image rather than use Microsoft's Debian 12 package feed because the copy needs no signing
# key or extra apt source. It is also a plain file copy that scripts/fresh-debian12-check can repeat offline,
# from the same SDK build on the host.
#
# debian:bookworm rather than debian:bookworm-slim: the slim image's dpkg config drops /usr/share/doc/*, and
# the demo and the tests read OpenCV's sample boards from opencv-doc's /usr/share/doc/opencv-doc/examples/data.
#
# scripts/fresh-debian12-check runs these instructions on a debootstrapped Debian 12 root. So keep to FROM,
# COPY, RUN (shell form), WORKDIR, ENV and CMD (exec form), with no heredocs and no variables.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS sdk

FROM debian:bookworm
COPY --from=sdk /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
# The SDK's own runtime libraries on Debian 12, as in Microsoft's Debian 12 runtime-deps images for .NET 8 and 9.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
       ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g \
    && rm -rf /var/lib/apt/lists/*
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

WORKDIR /src/sim2real
# The whole tree goes in before setup runs, because setup reads more than itself (npm ci reads the MCAP test's
# package-lock.json). A layer holding only scripts/setup would cache the package install across source changes,
# but it breaks whenever setup starts reading another file.
COPY . .
RUN ./scripts/setup
RUN dotnet build Sim2Real.sln -c Release && ./sim2real --help > /dev/null

# The main job (README, command 1).
CMD ["./sim2real", "demo"]
