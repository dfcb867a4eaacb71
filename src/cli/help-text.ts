import { VERSION } from '../index.js';

export const mainHelp = `chatwire ${VERSION} — one client for OpenAI-compatible chat APIs

Usage
  chatwire chat   --dialect D --base-url URL [--model M] "prompt"
  chatwire doctor --dialect D --base-url URL [--model M] [--json]

Commands
  chat      Send a prompt and stream the answer to the terminal
  doctor    Check an endpoint against its dialect, check by check

Dialects
  openai (OPENAI_API_KEY), caesar (CAESAR_API_KEY), bifrost (BIFROST_API_KEY, optional),
  morpheus (MORPHEUS_API_KEY), intandem (INTANDEM_API_TOKEN)

Keys are read from the dialect's environment variable, or from the variable named by
--api-key-env NAME. They are never taken on the command line.

Examples
  export OPENAI_API_KEY=sk-...
  chatwire chat --base-url https://api.openai.com/v1 "Write a haiku about pipes"
  chatwire doctor --dialect bifrost --base-url http://localhost:8080

Run \`chatwire <command> --help\` for a command's options. Exit codes: 0 ok, 1 failed,
2 wrong usage, 130 interrupted (Ctrl-C).
`;

export const chatHelp = `Usage: chatwire chat --dialect D --base-url URL [options] "prompt"

Streams the answer as it arrives: reasoning dimmed, tool calls shown, then a summary of
finish reason, usage, request id and (Bifrost) extra_fields on stderr. Without a prompt
argument, the prompt is read from stdin. Ctrl-C cancels the request (exit code 130).

Options
  --dialect D          openai (default), caesar, bifrost, morpheus, intandem
  --base-url URL       The endpoint (or set <DIALECT>_BASE_URL, e.g. BIFROST_BASE_URL)
  --model M            Default: openai gpt-4o-mini, caesar caesar-research,
                       bifrost openai/gpt-4o-mini, morpheus llama-3.3-70b,
                       intandem openai/gpt-4o-mini
  --system TEXT        A system message before the prompt
  --api-key-env NAME   Read the key from $NAME instead of the dialect's variable
  --json               Print one JSON result (no streaming) instead of text
  --file PATH          Caesar: upload the file and attach it to the prompt (repeatable)
  --async              intandem, bifrost: start an async run and poll it until done
  --poll-interval MS   First delay between polls of --async (default 1000)
  --timeout MS         Time allowed for response headers (default: the dialect's)
  -h, --help           Show this help

Examples
  chatwire chat --dialect bifrost --base-url http://localhost:8080 "Hello"
  chatwire chat --dialect morpheus --base-url https://api.mor.org/api/v1 \\
    --model llama-3.3-70b --json "One word for joy" | jq -r .content
  chatwire chat --dialect caesar --base-url https://api.caesar.xyz \\
    --file report.pdf "Summarise the attached report"
  chatwire chat --dialect intandem --base-url https://api.vcita.biz --async "Draft a reply"
  git diff | chatwire chat --base-url https://api.openai.com/v1 --system "Review this diff"
`;

export const doctorHelp = `Usage: chatwire doctor --dialect D --base-url URL [options]

Runs a conformance suite against an endpoint and prints, check by check, what the
dialect documents and what came back: JSON shape, stream framing ([DONE], keep-alive
comments, line endings, chunk shape, usage placement), error bodies for a bad request
and a bad key (sent as the literal key chatwire-doctor-invalid-key, so servers and logs
can recognise the probe), Retry-After on 429, async runs (intandem, bifrost), the
request-id header and the CORS preflight answer for browser use.

Exit code 0 when the endpoint is compatible (warnings allowed), 1 when a check failed.

Options
  --dialect D          openai (default), caesar, bifrost, morpheus, intandem
  --base-url URL       The endpoint (or set <DIALECT>_BASE_URL)
  --model M            The model for the test prompts (defaults as in \`chatwire chat\`)
  --api-key-env NAME   Read the key from $NAME instead of the dialect's variable
  --json               Print the report as JSON (for CI)
  --strict             Count warnings as failures
  --skip LIST          Skip check groups: json, stream, errors, request-id, cors,
                       async, rate-limit (comma-separated)
  --rate-limit-probe N Send up to N small requests to provoke a 429 (off by default:
                       a burst costs money and may trip abuse limits)
  --origin URL         Origin for the CORS checks (default https://chatwire-doctor.example)
  --poll-interval MS   Delay between polls of the async check (default 1000)
  --timeout MS         Time allowed per request (default 60000; caesar 1800000)
  -h, --help           Show this help

Cost: doctor sends two real chat completions (one JSON, one streamed), plus one async
run where the dialect has them; on Caesar each chat is a research job (minutes, billed).

Examples
  chatwire doctor --dialect bifrost --base-url http://localhost:8080
  chatwire doctor --dialect morpheus --base-url https://api.mor.org/api/v1 --json > doctor.json
  chatwire doctor --base-url http://localhost:11434/v1 --model llama3.2 --skip cors
`;
