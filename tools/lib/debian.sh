# Installing a Debian package for the tests (sourced, not run): as root, or through sudo; only
# Debian's own mirrors, never a download from elsewhere.

debian_install() { # package, what it is for
  local package="$1" purpose="$2" sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "installing $package: run as root or install sudo" >&2; return 1; }
    sudo="sudo"
  fi
  echo "Installing Debian $package for $purpose..."
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "$package" >/dev/null
}
