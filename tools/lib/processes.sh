# Helpers for the tools that start local processes (sourced, not run): a free port on 127.0.0.1
# and the tree of processes one of them started (npm's anvil wrapper starts the binary).

spare_port() { # a port nothing listens on yet
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

descendants() { # the process and everything it started, recursively
  local pid="$1" child
  echo "$pid"
  for child in $(pgrep -P "$pid" 2>/dev/null); do descendants "$child"; done
}
