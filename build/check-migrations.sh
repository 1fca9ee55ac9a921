#!/usr/bin/env bash
# Fails when a module's model changed without a migration, for either provider.
set -euo pipefail
cd "$(dirname "$0")/.."
source build/modules.sh
status=0
for module in "${MODULES[@]}"; do
  for provider in "${PROVIDERS[@]}"; do
    if ! dotnet ef migrations has-pending-model-changes --no-build \
        --project "$(module_project "$module")" --startup-project "$HOST_PROJECT" \
        --context "${provider}${module}DbContext" >/tmp/has-pending.$$ 2>&1; then
      echo "pending model changes without a migration: $module ($provider)"; cat /tmp/has-pending.$$; status=1
    fi
  done
done
rm -f /tmp/has-pending.$$
[ $status -eq 0 ] && echo "migrations: every module's model matches its migrations (Sqlite and SqlServer)"
exit $status
