# Sim2Real on Debian 12 (bookworm). The .NET SDK image is Debian 12 based; everything else comes from
# scripts/setup, the same script README's two commands run.
FROM mcr.microsoft.com/dotnet/sdk:10.0-bookworm-slim

WORKDIR /src/sim2real
COPY scripts/setup scripts/setup
RUN ./scripts/setup

COPY . .
RUN dotnet build Sim2Real.sln -c Release && ./sim2real --help > /dev/null

# The main job (README, command 1).
CMD ["./sim2real", "demo"]
