-- Connections managed through the admin API (the `default` connection stays in the environment).
-- Tokens and the signing secret are sealed by SecretBox (AES-256-GCM, "sb1:" + base64 of nonce and
-- ciphertext). The lead_* rules are all set or all null (null: the configured defaults).
create table bridge_connection (
  id                       varchar(64) primary key,
  name                     varchar(200) not null,
  audity_token             varchar(1000) not null,
  repo_audit_token         varchar(1000),
  signing_secret           varchar(1000) not null,
  requests_per_minute      int,
  lead_min_score           double precision,
  lead_max_age_days        int,
  lead_max_per_day         int,
  lead_credit_floor        bigint,
  created_at               timestamp with time zone not null,
  updated_at               timestamp with time zone not null
);

-- Inbound API keys: only the SHA-256 of the key (hex) and its first characters are kept.
create table api_key (
  id            varchar(36) primary key,
  connection_id varchar(64) not null references bridge_connection (id) on delete cascade,
  key_hash      varchar(64) not null,
  prefix        varchar(16) not null,
  created_at    timestamp with time zone not null
);
create unique index api_key_hash_uq on api_key (key_hash);
create index api_key_connection_idx on api_key (connection_id, created_at);

-- Generated and subscription secrets are now sealed too; a sealed value is longer than the plain one.
alter table signing_secret alter column secret set data type varchar(1000);
alter table subscription alter column secret set data type varchar(1000);
