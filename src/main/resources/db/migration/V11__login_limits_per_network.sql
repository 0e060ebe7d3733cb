-- Sign-in limits per client network (an IPv4 address, or an IPv6 /64 that one subscriber holds
-- whole) and overall: every attempt records the network it came from, reservations included, so
-- that failures are counted per network whatever account (known or not) they aimed at.
alter table login_attempt add column client_net varchar(45);
update login_attempt set client_net = client_ip where client_ip is not null and client_ip not like '%:%';
create index login_attempt_client_net_idx on login_attempt (client_net, occurred_at desc);
