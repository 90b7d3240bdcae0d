#!/usr/bin/env bash
# The scripted AI tool (fake-ai.sh) with a gate, for tests that watch a run part-way. When the checkout holds a file
# DOCSFY_FAKE_GATE naming a path, the call that writes the page "Usage" waits until that path exists; the plan's other
# pages finish at once. So the run stays at a known point (2 of its 3 pages written) for exactly as long as the test
# wants, and goes on when the test creates the file: no timing involved.
set -u
prompt=$(cat)
if [ -e DOCSFY_FAKE_GATE ] && [[ $prompt == *'Write the documentation page "Usage"'* ]]; then
    gate=$(cat DOCSFY_FAKE_GATE)
    # Bounded like every wait: after 10 minutes the call fails, and with it the test that forgot to open the gate.
    for ((tick = 0; tick < 6000; tick++)); do
        [ -e "$gate" ] && break
        sleep 0.1
    done
    [ -e "$gate" ] || { echo "gated-ai: the gate $gate was never opened" >&2; exit 4; }
fi
exec "$(dirname "$0")/fake-ai.sh" "$@" <<<"$prompt"
