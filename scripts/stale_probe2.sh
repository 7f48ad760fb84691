#!/bin/bash
# Issue 18 probe 2: same-size rewrite within the same second on a 1-second-timestamp fs.
# Usage, as root: truncate -s 64M i.img; mkfs.ext4 -q -I 128 i.img; mount -o loop i.img /mnt/coarse;
#   MNT=/mnt/coarse scripts/stale_probe2.sh   (TOUCH=1 restores the old timestamps after the rewrite)
set -u
AIGOV=${AIGOV:-aigov}
M=${MNT:-/mnt/coarse}
export AIGOV_CACHE_DIR=$M/cache
rm -rf $M/f $M/cache; mkdir -p $M/f
src=$(dirname "$0")/../frameworks/japan.yaml
stale=0; N=${TRIALS:-40}
for t in $(seq 1 $N); do
  a=$(printf 'Probe%04dA' $t); b=$(printf 'Probe%04dB' $t)
  sed "s/^id: japan$/id: probe/; s/^name: .*/name: $a/" $src > $M/f/probe.yaml
  $AIGOV show probe -d $M/f --format json --section summary >/dev/null
  cp -p $M/f/probe.yaml $M/ref.yaml
  sed -i "s/^name: .*/name: $b/" $M/f/probe.yaml
  if [ "${TOUCH:-0}" = 1 ]; then touch -r $M/ref.yaml $M/f/probe.yaml; fi
  got=$($AIGOV show probe -d $M/f --format json --section summary | grep -o '"name": "Probe[0-9]*[AB]"' | head -1)
  if [ "$got" != "\"name\": \"$b\"" ]; then stale=$((stale+1)); echo "trial $t STALE: $got"; fi
done
echo "probe2: stale $stale of $N"
