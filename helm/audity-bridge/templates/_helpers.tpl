{{/* Chart name, overridable. */}}
{{- define "audity-bridge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full resource name: release-chart, or the release name when it already contains the chart name. */}}
{{- define "audity-bridge.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels on every resource. */}}
{{- define "audity-bridge.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "audity-bridge.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select the pods (never change them between releases). */}}
{{- define "audity-bridge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "audity-bridge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The ServiceAccount's name. */}}
{{- define "audity-bridge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "audity-bridge.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* True (non-empty) in demo mode: no database URL, H2 in the pod. */}}
{{- define "audity-bridge.demo" -}}
{{- if not .Values.database.url }}true{{ end }}
{{- end }}

{{/* Secret values the chart renders itself, by environment variable name (empty ones left out). */}}
{{- define "audity-bridge.secretData" -}}
{{- $s := .Values.secrets }}
{{- $all := dict "AUDITY_TOKEN" $s.audityToken "REPO_AUDIT_TOKEN" $s.repoAuditToken "BRIDGE_API_KEYS" $s.apiKeys "BRIDGE_SIGNING_SECRET" $s.signingSecret "BRIDGE_ADMIN_TOKEN" $s.adminToken "BRIDGE_ENCRYPTION_KEY" $s.encryptionKey "DATASOURCES_DEFAULT_PASSWORD" $s.databasePassword }}
{{- range $k, $v := $all }}
{{- if $v }}
{{ $k }}: {{ $v | toString | b64enc | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* The Secret the pods read: the existing one, the rendered one, or none. */}}
{{- define "audity-bridge.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else if trim (include "audity-bridge.secretData" .) }}
{{- include "audity-bridge.fullname" . }}
{{- end }}
{{- end }}

{{/*
Refuses values that would make an unsafe deployment. Included by the Deployment, so every render runs it.
*/}}
{{- define "audity-bridge.validate" -}}
{{- if include "audity-bridge.demo" . }}
{{- if or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled .Values.secrets.audityToken .Values.secrets.existingSecret }}
{{- fail "database.url is required (jdbc:postgresql://…): several replicas, autoscaling or real tokens (secrets.audityToken, secrets.existingSecret) need Postgres. Without it the chart deploys the demo: H2 inside one pod, lost with the pod, and with it the record that makes lead conversion exactly-once." }}
{{- end }}
{{- else }}
{{- if not (hasPrefix "jdbc:postgresql:" .Values.database.url) }}
{{- fail "database.url must be a jdbc:postgresql: URL (leave it empty for the H2 demo)" }}
{{- end }}
{{- if contains "password=" (lower .Values.database.url) }}
{{- fail "database.url must not carry the password: set secrets.databasePassword (or DATASOURCES_DEFAULT_PASSWORD in secrets.existingSecret)" }}
{{- end }}
{{- if not (or .Values.secrets.existingSecret .Values.secrets.audityToken) }}
{{- fail "secrets.audityToken or secrets.existingSecret (with AUDITY_TOKEN) is required with a database: without a token the bridge refuses to start" }}
{{- end }}
{{- end }}
{{- range $k, $v := .Values.config.extraEnv }}
{{- if regexMatch "(?i)(TOKEN|SECRET|PASSWORD|KEY)" $k }}
{{- fail (printf "config.extraEnv.%s looks secret: the ConfigMap is not the place; use secrets.existingSecret" $k) }}
{{- end }}
{{- end }}
{{- $s := .Values.shutdown }}
{{- $need := add (int $s.preStopSleepSeconds) (int $s.httpGracePeriodSeconds) (mul 2 (int $s.schedulerShutdownWaitSeconds)) }}
{{- if lt (int $s.terminationGracePeriodSeconds) (int $need) }}
{{- fail (printf "shutdown.terminationGracePeriodSeconds (%d) must be at least preStop + HTTP grace + 2 x scheduler wait = %d" (int $s.terminationGracePeriodSeconds) (int $need)) }}
{{- end }}
{{- end }}
