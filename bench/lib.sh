# Shared by the benchmark scripts (bench/run, bench/postgres): sourced, not run.
# Sets: root, work (a temp folder removed at exit), java_opts, jar; and the functions below.
# Environment: JAVA_OPTS (the blog's JVM options; default the README's), BENCH_JAR (skip the
# build), BENCH_CDS=0 (no class-data sharing archive).

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
java_opts=${JAVA_OPTS-"@$root/deploy/jvm.options -Dspring.aot.enabled=true"}
# the production start's two malloc arenas (docs/operations.md)
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
essay=/2024/10/the-dangers-of-ignoring-diplomacy-why.html

work=$(mktemp -d /tmp/blog-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ -n "${cleanup_more:-}" ]; then $cleanup_more || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench: stopped" >&2; exit 143' TERM INT

need() { # tools...
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || {
      echo "bench: $tool is missing (Debian packages: wrk nginx-light curl postgresql)" >&2
      exit 1
    }
  done
}

# a loopback port nothing answers on, below the range the kernel hands out to client sockets
# (the comment load leaves thousands of those in TIME_WAIT, and a server cannot bind to one)
read -r ephemeral_low _ </proc/sys/net/ipv4/ip_local_port_range
[ "$ephemeral_low" -gt 11000 ] || ephemeral_low=32768
free_port() {
  local port
  while :; do
    port=$(( 10000 + RANDOM % (ephemeral_low - 10000) ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

prepare_jar() { # builds the jar unless BENCH_JAR names one; with CDS, extracts it and trains an archive
  jar=${BENCH_JAR:-}
  if [ -z "$jar" ]; then
    echo "Building the jar"
    (cd "$root" && ./mvnw -q -B -ntp package -DskipTests)
    jar=$(ls "$root"/target/opinion-blog-*.jar | grep -v plain | head -1)
  fi
  echo "Jar: $jar"
  # the README's production start: the jar extracted, with a class-data sharing archive of the
  # classes a start loads (made by one training start that stops after the context is refreshed)
  if [ "${BENCH_CDS:-1}" = 1 ]; then
    java -Djarmode=tools -jar "$jar" extract --force --destination "$work/app" >/dev/null
    jar="$work/app/$(basename "$jar")"
    # shellcheck disable=SC2086
    java $java_opts -XX:ArchiveClassesAtExit="$work/app/app.jsa" -Dspring.context.exit=onRefresh -jar "$jar" \
      --blog.data-dir="$work/training" >"$work/training.log" 2>&1
    java_opts="$java_opts -XX:SharedArchiveFile=$work/app/app.jsa"
  fi
}

# what the benchmark's blogs take: no moderation, no fill time, no rate limit
blog_args=(--blog.comments.moderation=off --blog.comments.min-fill-time=0s
  --blog.comments.rate-limit.per-minute=100000000 --blog.comments.rate-limit.per-day=100000000)

start_blog() { # data-dir port log [more arguments]; waits for health; sets blog_pid and blog_ms
  local t0 pid data=$1 port=$2 log=$3
  shift 3
  t0=$(now_ms)
  # shellcheck disable=SC2086
  java $java_opts -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --blog.data-dir="$data" \
    "${blog_args[@]}" "$@" >"$log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 1500); do
    if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
      blog_pid=$pid blog_ms=$(( $(now_ms) - t0 ))
      return
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  echo "bench: the blog did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}

# the comment load (bench/CommentLoad.java), compiled once: java's source launcher would compile
# it at each start, a second of both cores spent beside what is being measured
comment_load() { # port path seconds clients [rate [visible]]
  if [ ! -f "$work/load/CommentLoad.class" ]; then javac -d "$work/load" "$root/bench/CommentLoad.java"; fi
  java -cp "$work/load" CommentLoad "$@"
}

stop_pid() { kill "$1" 2>/dev/null || true; while kill -0 "$1" 2>/dev/null; do sleep 0.05; done; }

seed_comments() { # url: 20 published comments (5 of them replies)
  local app=$1 token first="" location parent
  token=$(curl -sf "$app$essay" | grep -o 'name="token" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  for i in $(seq 1 20); do
    parent=()
    if [ "$i" -gt 15 ]; then parent=(--data-urlencode "parent=$first"); fi
    location=$(curl -sf -o /dev/null -w '%{redirect_url}' --data-urlencode "token=$token" --data-urlencode "name=Reader $i" \
      --data-urlencode "body=Comment $i on diplomacy: *talking* is not the same as agreeing, and [the essay](https://bordode.blogspot.com/) says why." \
      "${parent[@]}" "$app$essay/comments")
    [ -n "$first" ] || first=$(echo "$location" | sed 's/.*posted=\([0-9]*\).*/\1/')
  done
}

# a reader's browser, as most of a blog's readers are: every wrk request carries it, so that the
# statistics count a person's view (a visitor hash, the day's counters), not a robot's; BENCH_UA=
# changes it
reader_agent=${BENCH_UA:-"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"}
