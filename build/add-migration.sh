#!/usr/bin/env bash
# Adds a migration for both providers: build/add-migration.sh <Module> <MigrationName>  (Module "all" = every module)
set -euo pipefail
cd "$(dirname "$0")/.."
source build/modules.sh
[ $# -eq 2 ] || { echo "usage: $0 <Module|all> <MigrationName>" >&2; exit 2; }
if [ "$1" = all ]; then targets=("${MODULES[@]}"); else targets=("$1"); fi
dotnet tool restore >/dev/null
dotnet build "$HOST_PROJECT" -v q -nologo >/dev/null
for module in "${targets[@]}"; do
  for provider in "${PROVIDERS[@]}"; do
    dotnet ef migrations add "$2" --no-build \
      --project "$(module_project "$module")" --startup-project "$HOST_PROJECT" \
      --context "${provider}${module}DbContext" --output-dir "Persistence/Migrations/$provider"
  done
  # Module types stay internal (architecture rule); EF finds internal migrations too.
  sed -i 's/^    public partial class /    internal partial class /' "$(module_project "$module")"/Persistence/Migrations/*/*.cs
done
