#!/usr/bin/env bash
# Check the Kubernetes Indexed Job of deploy/k8s/ without a cluster (.ci/run runs this after
# `cargo test`): strict validation against the Kubernetes API schema, offline, with the
# kubernetes-validate package (PyPI; it bundles the schemas), and the pods' commands run here.
# check.py says what exactly is and is not tested.
#
#   deploy/k8s/check.sh
#
# The validator goes into a virtual environment, $TEPAT_K8S_VENV (default
# ${TMPDIR:-/tmp}/tepat-k8s-venv), made once. The tepat program: $TEPAT_BIN, else the one
# `cargo test` builds. If Python or the package cannot be installed the check is skipped,
# saying so; anything else that goes wrong fails it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
venv=${TEPAT_K8S_VENV:-${TMPDIR:-/tmp}/tepat-k8s-venv}
# Pinned: the schemas it bundles are part of what this check means.
package=kubernetes-validate==1.37.0
t0=$SECONDS

if [ -z "${TEPAT_BIN:-}" ]; then
    TEPAT_BIN=$(cd "$repo" && cargo test --no-run --message-format=json |
        grep '"kind":\["bin"\]' | grep -o '"executable":"[^"]*"' | grep -v '/deps/' |
        head -n 1 | sed 's/^"executable":"//; s/"$//')
fi
[ -x "${TEPAT_BIN:-}" ] || {
    echo "k8s-check: no tepat program (TEPAT_BIN='$TEPAT_BIN')" >&2
    exit 1
}

if ! "$venv/bin/python" -c 'import kubernetes_validate' 2>/dev/null ||
    [ "$("$venv/bin/python" -m pip show kubernetes-validate 2>/dev/null | sed -n 's/^Version: //p')" != "${package#*==}" ]; then
    rm -rf "$venv"
    if ! { python3 -m venv "$venv" && "$venv/bin/python" -m pip install -q --disable-pip-version-check "$package"; } \
        >"${TMPDIR:-/tmp}/tepat-k8s-pip.log" 2>&1; then
        tail -n 20 "${TMPDIR:-/tmp}/tepat-k8s-pip.log" >&2
        echo "k8s-check: SKIPPED: python3 -m venv or pip install $package failed, so deploy/k8s/ was NOT validated"
        exit 0
    fi
fi
"$venv/bin/python" "$here/check.py" "$here/tepat-indexed-job.yaml" "$TEPAT_BIN" "$repo"
echo "k8s-check: done in $((SECONDS - t0)) s"
