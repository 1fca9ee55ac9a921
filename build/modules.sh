# Sourced by the scripts in build/: the modules and their DbContexts.
MODULES=(Cooperatives Access Catalog Training Orders IncomeTracking)
PROVIDERS=(Sqlite SqlServer)
HOST_PROJECT=src/Host/RuralCommerce.Host
module_project() { echo "src/Modules/$1/RuralCommerce.$1"; }
