# Installs what Docsfy needs on a Debian machine when it is missing. Sourced by scripts/start and scripts/test.
# Needs root (or sudo) only when something has to be installed.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
        echo "error: '$*' needs root; run as root or install sudo." >&2; return 1
    fi
}

apt_install() {
    echo "==> Installing: $*"
    if [ -z "${DOCSFY_APT_UPDATED:-}" ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DOCSFY_APT_UPDATED=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" </dev/null
}

ensure_dotnet() {
    if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
        return 0
    fi
    # Debian itself does not ship the .NET SDK; it installs from apt only where Microsoft's package feed is configured.
    if command -v apt-get >/dev/null 2>&1 && apt-cache show dotnet-sdk-10.0 >/dev/null 2>&1; then
        apt_install dotnet-sdk-10.0
        return 0
    fi
    cat >&2 <<'MSG'
error: the .NET 10 SDK is not installed and no configured apt source provides it.
Install it from https://learn.microsoft.com/dotnet/core/install/linux-debian (package dotnet-sdk-10.0),
then run this command again.
MSG
    return 1
}

# PostgreSQL and RabbitMQ run as local processes under the app host when no container runtime answers.
ensure_infrastructure() {
    local missing=()
    ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
    [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
    [ -x /usr/bin/setpriv ] || missing+=(util-linux)
    if [ "${#missing[@]}" -gt 0 ]; then
        if [ "${Infrastructure__Mode:-auto}" = "containers" ] || [ "${Infrastructure__Mode:-auto}" = "external" ]; then
            return 0
        fi
        apt_install "${missing[@]}"
    fi
}

# The browser tests drive Debian's Chromium through Playwright; Playwright's own browser download needs the internet.
ensure_chromium() {
    [ -x /usr/bin/chromium ] || apt_install chromium
}

ensure_prerequisites() {
    ensure_dotnet
    ensure_infrastructure
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
