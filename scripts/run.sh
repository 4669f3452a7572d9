#!/usr/bin/env bash
# Start the action server and Rasa (REST + socket.io) on the given model; Ctrl-C stops both.
set -euo pipefail
umask 077   # logs and SQLite files hold personal data: readable by their owner only
model="$1"
rasa_port="${RASA_PORT:-5005}"
action_port="${ACTION_PORT:-5055}"
interface="${RASA_INTERFACE:-127.0.0.1}"
export ACTION_ENDPOINT_URL="http://127.0.0.1:${action_port}/webhook"
export SANIC_HOST="${SANIC_HOST:-127.0.0.1}"   # keeps the action server off the network
# Rasa's listen queue: its default of 100 resets connections when more arrive at once.
export SANIC_BACKLOG="${SANIC_BACKLOG:-1024}"
# Rasa's HTTP API (conversations, model) answers only requests with this token; the staff page
# uses it to read conversations. Set RASA_TOKEN to keep one across restarts, else a new one each run.
export RASA_TOKEN="${RASA_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
# Signs the live chat's conversation ids (send_guide/session_keys.py). Set it to keep live chats
# going across restarts; else a new one each run.
export SEND_GUIDE_SESSION_SECRET="${SEND_GUIDE_SESSION_SECRET:-$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')}"

# The set-up step, the only one that migrates: create or upgrade every table, and fill the services
# directory the first time (DATABASE_URL picks the database; the default is a SQLite file in var/).
.venv/bin/python -m send_guide.database upgrade

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping the assistant..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

widget_port="${WIDGET_PORT:-8080}"
# The sites whose pages may use the chat (REST and socket.io); scripts/rasa_server.py passes them
# to Rasa as --cors, with RASA_TOKEN as --auth-token (not on this command line, which ps shows).
export CORS_ORIGINS="${CORS_ORIGINS:-http://localhost:${widget_port}}"
# Where families download the letters the chat drafts (the web server below): the links' address.
export SEND_GUIDE_PUBLIC_URL="${SEND_GUIDE_PUBLIC_URL:-http://localhost:${widget_port}}"
.venv/bin/python scripts/serve_widget.py --port "$widget_port" --bot-url "http://127.0.0.1:${rasa_port}" &
pids+=($!)
.venv/bin/rasa run actions --actions actions --port "$action_port" &
pids+=($!)
.venv/bin/python scripts/rasa_server.py --model "$model" --port "$rasa_port" --interface "$interface" \
  --enable-api --credentials credentials.yml --endpoints endpoints.yml &
pids+=($!)

echo "Waiting for the assistant to start (about a minute)..."
for _ in $(seq 1 180); do
  # The URL holding the token goes to curl on its standard input, not on its command line.
  if curl -fsS -K - <<<"url = \"http://127.0.0.1:${rasa_port}/status?token=${RASA_TOKEN}\"" >/dev/null 2>&1 \
     && curl -fsS "http://127.0.0.1:${action_port}/health" >/dev/null 2>&1; then
    cat <<MSG

The SEND Guide is running.
  Demo Local Offer page with the chat widget:  http://localhost:${widget_port}/
  SENDIAS staff page:  http://localhost:${widget_port}/staff
    (make an account first: .venv/bin/python -m send_guide.triage add-staff NAME)
  Chat in this machine's terminal:  make shell
  Or send one message over REST:
    curl -s -X POST http://127.0.0.1:${rasa_port}/webhooks/rest/webhook \\
         -H 'Content-Type: application/json' \\
         -d '{"sender": "demo", "message": "how do I ask for an EHC assessment?"}'
Press Ctrl-C to stop.
MSG
    break
  fi
  sleep 1
done
wait -n "${pids[@]}"
