#!/usr/bin/env bash
# Start the telephony lab by hand (the tests start their own through lab.ts):
#   Kamailio  SIP/UDP 127.0.0.1:25060, SIP/WS ws://127.0.0.1:25088   (--auth: password lab-secret-1)
#   baresip   a lead's phone registered as sip:15550100@127.0.0.1:25060, auto-answers, plays a
#             beep greeting, records to $RUN/baresip/rec
#   rtpengine (--rtpengine) ng 127.0.0.1:25223, for WebRTC calls from the renderer
# Every process runs in its own session/process group; PIDs go to $RUN/*.pid for stop.sh.
# Usage: tests/lab/start.sh [--auth] [--rtpengine]     RUN dir: $DIALDESK_LAB_RUN (default /tmp/dialdesk-lab-manual)
#        $DIALDESK_LAB_LEAD: the user baresip registers as (default 15550100; e.g. 12125550147 for a lead +1 212 555 0147)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
RUN="${DIALDESK_LAB_RUN:-/tmp/dialdesk-lab-manual}"
LEAD="${DIALDESK_LAB_LEAD:-15550100}"
AUTH=0; RTPENGINE=0
for arg in "$@"; do
  case "$arg" in
    --auth) AUTH=1 ;;
    --rtpengine) RTPENGINE=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
mkdir -p "$RUN"
if compgen -G "$RUN/*.pid" >/dev/null; then echo "lab already running in $RUN (run stop.sh first)" >&2; exit 1; fi

wait_tcp() { # port timeout-seconds
  local deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    if (( SECONDS >= deadline )); then echo "port $1 not open after $2 s" >&2; return 1; fi
    sleep 0.1
  done
}
wait_log() { # file regex timeout-seconds
  local deadline=$((SECONDS + $3))
  until grep -qE "$2" "$1" 2>/dev/null; do
    if (( SECONDS >= deadline )); then echo "no '$2' in $1 after $3 s" >&2; return 1; fi
    sleep 0.1
  done
}

DEFINES=()
if (( RTPENGINE )); then
  setsid rtpengine --config-file=none --interface=127.0.0.1 --listen-ng=127.0.0.1:25223 --table=-1 \
    --foreground --log-stderr --port-min=25300 --port-max=25399 --dtls-passive >"$RUN/rtpengine.log" 2>&1 &
  echo $! >"$RUN/rtpengine.pid"
  wait_log "$RUN/rtpengine.log" "Startup complete" 10
  DEFINES+=(-A WITH_RTPENGINE)
fi
(( AUTH )) && DEFINES+=(-A WITH_AUTH)

mkdir -p "$RUN/kamailio-run"
setsid kamailio -f "$HERE/config/kamailio.cfg" -DD -E -m 64 -M 8 -Y "$RUN/kamailio-run" "${DEFINES[@]}" >"$RUN/kamailio.log" 2>&1 &
echo $! >"$RUN/kamailio.pid"
wait_tcp 25088 10

B="$RUN/baresip"
mkdir -p "$B/rec"
sox -n -r 8000 -c 1 -b 16 "$B/greeting.wav" synth 1 sine 1000 vol 0.5 pad 0.5 8.5
fill() { sed -e "s#LAB_DIR#$B#g" -e 's/BARESIP_SIP_PORT/25090/g' -e 's/BARESIP_CTRL_PORT/25095/g' \
  -e 's/BARESIP_RTP_MIN/25100/g' -e 's/BARESIP_RTP_MAX/25120/g' -e "s/BARESIP_USER/$LEAD/g" -e 's/KAMAILIO_UDP_PORT/25060/g' "$1"; }
fill "$HERE/config/baresip-config.template" >"$B/config"
fill "$HERE/config/baresip-accounts.template" >"$B/accounts"
HOME="$B" setsid baresip -4 -f "$B" -s >"$RUN/baresip.log" 2>&1 </dev/null &
echo $! >"$RUN/baresip.pid"
wait_log "$RUN/baresip.log" '\{0/UDP/v4\} 200 OK' 10

cat <<INFO
Lab up in $RUN (logs: *.log)
  SIP WebSocket  ws://127.0.0.1:25088   registrar/proxy sip:127.0.0.1:25060$( (( AUTH )) && echo "  password: lab-secret-1")
  lead's phone   sip:$LEAD@127.0.0.1:25060 (dial plan sip:{digits}@127.0.0.1:25060, number +$LEAD)
Stop with tests/lab/stop.sh
INFO
