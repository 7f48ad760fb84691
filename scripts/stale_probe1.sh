#!/bin/bash
# Issue 18 probe 1: a file rewritten (same size) while `similar` fills the index.
# Usage: scripts/stale_probe1.sh   (ROUNDS=N, DELAY=seconds; prints the stale rounds, 0 expected)
set -u
AIGOV=${AIGOV:-aigov}
D=$(mktemp -d); export AIGOV_CACHE_DIR=$D/cache
mkdir $D/f
src=$(dirname "$0")/../frameworks/japan.yaml
for i in $(seq 1 150); do sed "s/^id: japan$/id: copy$i/; s/^name: .*/name: Copy $i/" $src > $D/f/copy$i.yaml; done
python3 - "$src" "$D/f/probe.yaml" <<'PY'
import sys,re
t=open(sys.argv[1]).read()
t=re.sub(r'(?m)^id: japan$','id: probe',t,1)
t=re.sub(r'(?m)^name: .*$','name: ProbeAAAA',t,1)
t=re.sub(r'(?m)^aliases:.*$','aliases: []',t,1) if re.search(r'(?m)^aliases:.*\[',t) else t
open(sys.argv[2],'w').write(t)
PY
stale=0
for round in $(seq 1 ${ROUNDS:-6}); do
  rm -rf $D/cache
  new=$(printf 'Probe%04d' $round)
  $AIGOV similar probe -d $D/f --format json >/dev/null 2>$D/err &
  pid=$!
  sleep ${DELAY:-0.5}
  sed -i "s/^name: Probe.*/name: $new/" $D/f/probe.yaml
  wait $pid
  a=$($AIGOV list -d $D/f --format csv | grep '^probe,' )
  b=$($AIGOV list -d $D/f --no-cache --format csv | grep '^probe,')
  if [ "$a" != "$b" ]; then stale=$((stale+1)); echo "round $round STALE: $a | $b"; fi
done
echo "probe1: stale rounds $stale of ${ROUNDS:-6}"
rm -rf $D
