-- Lookalike (phishing) links found in a customer message, as "url<TAB>reason<TAB>resembles".
alter table ticket_message add column link_warnings text[] not null default '{}';
