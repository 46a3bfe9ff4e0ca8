// Validates rendered chart manifests (a multi-document YAML file) against the Kubernetes OpenAPI schemas
// shipped by the npm package kubernetes-models (and @kubernetes-models/prometheus-operator for the
// ServiceMonitor). Also checks that no ConfigMap carries a secret. Used by helm/check.sh:
//   NODE_PATH=<node_modules> node validate-manifests.cjs rendered.yaml
'use strict';
const fs = require('fs');
const YAML = require('yaml');

// The kubernetes-models module that holds an apiVersion's classes.
function moduleFor(apiVersion) {
  if (!apiVersion.includes('/')) return 'kubernetes-models/' + apiVersion; // core: v1
  const [group, version] = apiVersion.split('/');
  if (group === 'monitoring.coreos.com') return '@kubernetes-models/prometheus-operator/' + apiVersion;
  return 'kubernetes-models/' + group + '/' + version;
}

const file = process.argv[2];
const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))
  .map((d) => {
    if (d.errors.length) throw new Error(file + ': ' + d.errors[0].message);
    return d.toJS();
  })
  .filter((d) => d && Object.keys(d).length);

const problems = [];
const secretValues = new Set();
for (const doc of docs) {
  if (doc.kind === 'Secret') {
    for (const v of Object.values(doc.data || {})) secretValues.add(Buffer.from(v, 'base64').toString());
    for (const v of Object.values(doc.stringData || {})) secretValues.add(String(v));
  }
}

for (const doc of docs) {
  const name = `${doc.kind}/${doc.metadata && doc.metadata.name}`;
  let Model;
  try {
    Model = require(moduleFor(doc.apiVersion))[doc.kind];
  } catch (e) {
    Model = undefined;
  }
  if (!Model) {
    problems.push(`${name}: no schema for ${doc.apiVersion} ${doc.kind}`);
    continue;
  }
  try {
    new Model(doc).validate();
    console.log(`ok   ${doc.apiVersion} ${name}`);
  } catch (e) {
    problems.push(`${name}: ${e.message}`);
  }
  if (doc.kind === 'ConfigMap') {
    for (const [k, v] of Object.entries(doc.data || {})) {
      if (/TOKEN|SECRET|PASSWORD|API_KEYS/i.test(k)) problems.push(`${name}: secret-looking key ${k}`);
      if (secretValues.has(String(v))) problems.push(`${name}: key ${k} repeats a Secret value`);
    }
  }
}

if (!docs.length) problems.push(file + ': no manifests');
if (problems.length) {
  console.error(problems.map((p) => 'FAIL ' + p).join('\n'));
  process.exit(1);
}
