#!/usr/bin/env bash
# Writes one idempotent SQL Server migration script for all modules (for a DBA, or a deploy without MigrateOnStartup).
# Usage: build/sqlserver-script.sh [output.sql]
set -euo pipefail
cd "$(dirname "$0")/.."
source build/modules.sh
out="${1:-artifacts/sqlserver-migrations.sql}"
mkdir -p "$(dirname "$out")"
: > "$out"
dotnet tool restore >/dev/null
dotnet build "$HOST_PROJECT" -v q -nologo >/dev/null
for module in "${MODULES[@]}"; do
  dotnet ef migrations script --idempotent --no-build \
    --project "$(module_project "$module")" --startup-project "$HOST_PROJECT" \
    --context "SqlServer${module}DbContext" --output "$out.$module.part" >/dev/null
  cat "$out.$module.part" >> "$out" && rm "$out.$module.part"
done
echo "wrote $out"
