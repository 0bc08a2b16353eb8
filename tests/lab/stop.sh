#!/usr/bin/env bash
# Stop what start.sh started: SIGTERM to each recorded process group, SIGKILL after 3 s.
set -uo pipefail
RUN="${DIALDESK_LAB_RUN:-/tmp/dialdesk-lab-manual}"
shopt -s nullglob
for pidfile in "$RUN"/baresip.pid "$RUN"/kamailio.pid "$RUN"/rtpengine.pid; do
  [[ -f "$pidfile" ]] || continue
  pid="$(cat "$pidfile")"
  name="$(basename "$pidfile" .pid)"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name ($pid) ignored SIGTERM; killing"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
  fi
  # Kamailio's workers share the group: make sure none outlived the leader.
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "stopped $name ($pid)"
done
