-- The private networks a managed connection's callbacks may reach despite the SSRF guard: CIDR blocks and host
-- names, comma separated (connection/PrivateNetworks); null: none. The default connection's come from
-- BRIDGE_CALLBACK_PRIVATE_NETWORKS.
alter table bridge_connection add column callback_private_networks varchar(4200);
