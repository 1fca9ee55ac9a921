#!/usr/bin/env bash
# Makes the demo course's lesson videos (committed: the demo itself never needs ffmpeg). Each is a title card with the
# lesson's key point, a running clock and a progress bar: VP9 WebM (Debian's Chromium plays it), about 10 kbit/s, so a
# village phone on 400 kbit/s plays it at once.
set -euo pipefail
out="$(dirname "$0")/../src/Host/RuralCommerce.Demo/Videos"
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
lessons=(
  "24|选料与粉碎玉米芯|玉米芯晒干，粉碎成黄豆大小"
  "30|拌料、装袋与灭菌|玉米芯六成，木屑三成，麸皮一成"
  "36|接种|料温降到 25 ℃ 以下再接种"
  "30|发菌管理|避光，保持 22～25 ℃，每天通风"
  "42|出菇与采收|菌盖边缘还内卷时采收"
  "36|晾晒、分级与销售|晒干后按大小分级，分级卖价更好"
)
for i in "${!lessons[@]}"; do
  IFS='|' read -r seconds title point <<<"${lessons[$i]}"
  n=$((i + 1))
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "gradients=s=480x270:c0=0x3a5a40:c1=0x588157:x0=0:y0=0:x1=480:y1=270:speed=0.01:r=10:d=$seconds" \
    -f lavfi -i "color=c=0xdda15e:s=480x8:r=10:d=$seconds" \
    -filter_complex "[0][1]overlay=x='-W+W*t/$seconds':y=H-8,
      drawtext=fontfile=$font:text='第${n}课':fontcolor=white@0.85:fontsize=22:x=24:y=24,
      drawtext=fontfile=$font:text='$title':fontcolor=white:fontsize=36:x=(w-tw)/2:y=(h-th)/2-24,
      drawtext=fontfile=$font:text='$point':fontcolor=0xfefae0:fontsize=20:x=(w-tw)/2:y=(h)/2+28,
      drawtext=fontfile=$font:text='%{eif\:t\:d} 秒':fontcolor=white@0.8:fontsize=18:x=w-tw-24:y=h-44" \
    -t "$seconds" -c:v libvpx-vp9 -b:v 0 -crf 45 -row-mt 1 -deadline good -cpu-used 4 -an "$out/lesson-$n.webm"
done
ls -l "$out"
