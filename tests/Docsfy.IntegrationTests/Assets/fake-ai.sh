#!/usr/bin/env bash
# A scripted stand-in for an AI command-line tool (claude, gemini, cursor-agent). It reads the prompt on standard input
# and answers by what the prompt asks for. The repository under test steers it with marker files in the checkout, which
# is the tool's working directory: DOCSFY_FAKE_HANG makes every call hang (abort tests), DOCSFY_FAKE_GARBAGE makes the
# plan unusable (error tests), DOCSFY_FAKE_SELECT holds the incremental planner's answer (["all"] without it), and
# DOCSFY_FAKE_REWRITE makes a page update answer with a whole page instead of exact replacements. DOCSFY_FAKE_HOLD holds
# the path of a file outside the repository: every call waits until the test creates it (at most 5 minutes), so a test
# can act while a run is in progress and then let it finish. (gated-ai.sh's DOCSFY_FAKE_GATE holds back one page only.)
# Asked for `--output-format json` (as the worker runs claude), it wraps each answer in claude's result object reporting
# usage: 100 input and 10 output tokens and $0.001 per call, so tests can follow the cost of a run. Otherwise (as gemini
# is run) the answer is plain text. Every page it writes names the model it was run as (`--model`), so tests can tell
# which model wrote a page.
set -u
prompt=$(cat)
model=unnamed
previous=
for argument in "$@"; do
    [ "$previous" = --model ] && model=$argument
    previous=$argument
done
if [ -e DOCSFY_FAKE_HANG ]; then
    sleep 600
fi
if [ -e DOCSFY_FAKE_HOLD ]; then
    gate=$(cat DOCSFY_FAKE_HOLD)
    waited=0
    while [ ! -e "$gate" ] && [ "$waited" -lt 3000 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
fi

envelope() {
    local text
    text=$(cat)
    text=${text//\\/\\\\}
    text=${text//\"/\\\"}
    text=${text//$'\n'/\\n}
    text=${text//$'\t'/\\t}
    text=${text//$'\r'/\\r}
    printf '{"type":"result","subtype":"success","is_error":false,"result":"%s","total_cost_usd":0.001,' "$text"
    printf '"usage":{"input_tokens":100,"output_tokens":10}}\n'
}

answer() {
case "$prompt" in
    *"You are planning"*)
        if [ -e DOCSFY_FAKE_GARBAGE ]; then
            echo 'I would rather not. <script>alert(1)</script> {"navigation": "nope"'
            return 0
        fi
        cat <<'JSON'
Here is the plan:
```json
{"project_name": "Fake project", "tagline": "Documented by a fake AI", "repo_type": "library",
 "navigation": [
   {"group": "Start", "pages": [
     {"slug": "introduction", "title": "Introduction", "description": "What it is", "type": "concept"},
     {"slug": "../../etc/passwd", "title": "Sneaky <script>", "description": "Path tricks", "type": "guide"}]},
   {"group": "Reference", "pages": [
     {"slug": "usage", "title": "Usage", "description": "How to use it", "type": "reference"}]}]}
```
JSON
        ;;
    *"Write the documentation page"*)
        title=$(printf '%s\n' "$prompt" | sed -n 's/.*Write the documentation page "\([^"]*\)".*/\1/p' | head -n 1)
        printf '# %s\n\nWritten by the fake AI.\n\nWritten as model %s.\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) and see [Usage](usage.html).\n' "$title" "$model"
        ;;
    *"You are deciding which pages"*)
        if [ -e DOCSFY_FAKE_SELECT ]; then cat DOCSFY_FAKE_SELECT; else echo '["all"]'; fi
        ;;
    *"Update the documentation page"*)
        if [ -e DOCSFY_FAKE_REWRITE ]; then
            title=$(printf '%s\n' "$prompt" | sed -n 's/.*Update the documentation page "\([^"]*\)".*/\1/p' | head -n 1)
            printf '# %s\n\nRewritten in full by the fake AI.\n' "$title"
        else
            echo '{"replacements": [{"old": "Written by the fake AI.", "new": "Updated by the fake AI."}]}'
        fi
        ;;
    *"Check the documentation page"*)
        echo '[]'
        ;;
    *"choose up to 5 other pages"*)
        echo '{"introduction": ["usage"]}'
        ;;
    *)
        echo "fake-ai: unexpected prompt" >&2
        return 3
        ;;
esac
}

reply=$(answer) || exit $?
if [[ " $* " == *" --output-format json "* ]]; then
    printf '%s\n' "$reply" | envelope
else
    printf '%s\n' "$reply"
fi
