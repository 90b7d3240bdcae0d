#!/usr/bin/env bash
# The pipeline benchmark's stand-in for an AI command-line tool, run by the worker as provider `claude`. Like the
# integration tests' fake-ai.sh it reads the prompt on standard input and answers by what the prompt asks for, but it
# plans a 15-page site (the plan's upper bound in the planning prompt), names one page (configuration) as affected by
# any change when asked incrementally, updates it with one exact replacement, and can be slow on purpose:
#   BENCH_AI_DELAY_SECONDS  seconds every call sleeps before answering (default 0), to stand in for a model's latency.
#   BENCH_AI_CALL_LOG       a file that gets one line per call: kind, start and end (epoch seconds), working directory.
#                           The working directory is the run's checkout (<scratch>/<run id>/checkout), so the bench can
#                           count each run's calls and see how many overlapped.
# The worker passes its environment to the tool (secrets removed), so both are set on the worker resource.
set -u
started=$EPOCHREALTIME
prompt=$(cat)

case "$prompt" in
    *"You are planning"*) kind=plan ;;
    *"Write the documentation page"*) kind=page ;;
    *"Check the documentation page"*) kind=check ;;
    *"choose up to 5 other pages"*) kind=related ;;
    *"You are deciding which pages"*) kind=select ;;
    *"Update the documentation page"*) kind=update ;;
    *) echo "bench-ai: unexpected prompt" >&2; exit 3 ;;
esac

delay=${BENCH_AI_DELAY_SECONDS:-0}
if [ "$delay" != 0 ]; then
    sleep "$delay"
fi

slugs=(overview installation quick-start configuration architecture data-model command-line http-api
       plugins deployment monitoring troubleshooting faq contributing changelog)

case "$kind" in
    plan)
        cat <<'JSON'
```json
{"project_name": "Bench project", "tagline": "A generated repository documented by a scripted AI", "repo_type": "library",
 "navigation": [
   {"group": "Start", "pages": [
     {"slug": "overview", "title": "Overview", "description": "What the project is", "type": "concept"},
     {"slug": "installation", "title": "Installation", "description": "How to install it", "type": "guide"},
     {"slug": "quick-start", "title": "Quick start", "description": "A first run", "type": "guide"},
     {"slug": "configuration", "title": "Configuration", "description": "Every setting", "type": "reference"}]},
   {"group": "How it works", "pages": [
     {"slug": "architecture", "title": "Architecture", "description": "The modules and how they meet", "type": "concept"},
     {"slug": "data-model", "title": "Data model", "description": "What is stored", "type": "concept"},
     {"slug": "command-line", "title": "Command line", "description": "The commands", "type": "reference"},
     {"slug": "http-api", "title": "HTTP API", "description": "The endpoints", "type": "reference"},
     {"slug": "plugins", "title": "Plugins", "description": "Extending it", "type": "guide"}]},
   {"group": "Operations", "pages": [
     {"slug": "deployment", "title": "Deployment", "description": "Running it in production", "type": "guide"},
     {"slug": "monitoring", "title": "Monitoring", "description": "Logs and metrics", "type": "guide"},
     {"slug": "troubleshooting", "title": "Troubleshooting", "description": "When things fail", "type": "recipe"}]},
   {"group": "Project", "pages": [
     {"slug": "faq", "title": "FAQ", "description": "Questions readers ask", "type": "reference"},
     {"slug": "contributing", "title": "Contributing", "description": "How to help", "type": "guide"},
     {"slug": "changelog", "title": "Changelog", "description": "What changed", "type": "reference"}]}]}
```
JSON
        ;;
    page)
        title=$(printf '%s\n' "$prompt" | sed -n 's/.*Write the documentation page "\([^"]*\)".*/\1/p' | head -n 1)
        printf '# %s\n\n' "$title"
        for section in Purpose Details Examples; do
            printf '## %s\n\nThis page describes %s of the bench project. The modules under `src/` work together; ' "$section" "$title"
            printf 'see [Overview](overview.html) and [Configuration](configuration.html) for the wider picture, and See Architecture.\n\n'
            printf '```text\nbench --help\n```\n\n'
        done
        ;;
    check)
        echo '[]'
        ;;
    select)
        echo '["configuration"]'
        ;;
    update)
        echo '{"replacements": [{"old": "## Purpose", "new": "## Purpose and scope"}]}'
        ;;
    related)
        printf '{'
        for i in "${!slugs[@]}"; do
            next=${slugs[$(( (i + 1) % ${#slugs[@]} ))]}
            after=${slugs[$(( (i + 2) % ${#slugs[@]} ))]}
            printf '%s"%s": ["%s", "%s"]' "$([ "$i" -gt 0 ] && echo ,)" "${slugs[$i]}" "$next" "$after"
        done
        printf '}\n'
        ;;
esac

if [ -n "${BENCH_AI_CALL_LOG:-}" ]; then
    # One short line per call, appended in one write: concurrent calls do not interleave.
    printf '%s %s %s %s\n' "$kind" "$started" "$EPOCHREALTIME" "$PWD" >> "$BENCH_AI_CALL_LOG"
fi
