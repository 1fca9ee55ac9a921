# Sourced by the scripts in build/: the modules (read from the solution, as the tests do), providers and host.
# A module is a project src/Modules/<Name>/RuralCommerce.<Name>/RuralCommerce.<Name>.csproj in RuralCommerce.sln.
mapfile -t MODULES < <(grep -oE 'src\\Modules\\[A-Za-z]+\\RuralCommerce\.[A-Za-z]+\\RuralCommerce\.[A-Za-z]+\.csproj' RuralCommerce.sln \
  | sed -E 's/^src\\Modules\\([A-Za-z]+)\\RuralCommerce\.([A-Za-z]+)\\.*/\1 \2/' | awk '$1 == $2 && $1 != "Shared" { print $1 }')
PROVIDERS=(Sqlite SqlServer)
HOST_PROJECT=src/Host/RuralCommerce.Host
module_project() { echo "src/Modules/$1/RuralCommerce.$1"; }
