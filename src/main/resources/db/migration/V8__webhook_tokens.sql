-- Each connection's token for Audity's own webhooks (POST /v1/hooks/audity?token=…): good for nothing else, so the
-- URL pasted into Audity's settings never carries the connection's API key. Only its SHA-256 (hex) and first
-- characters are kept; one per connection, replaced on rotation. The default connection's lives here too.
create table webhook_token (
  connection_id varchar(64) primary key,
  token_hash    varchar(64) not null,
  prefix        varchar(16) not null,
  created_at    timestamp with time zone not null
);
create unique index webhook_token_hash_uq on webhook_token (token_hash);
