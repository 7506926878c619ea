-- Wallet addresses a customer told us or an app reported; used to recognise a pasted private key
-- with certainty (its derived address matches) and later by the chain tools.
create table customer_wallet_address (
    customer_id uuid         not null references customer (id) on delete cascade,
    address     varchar(128) not null,
    added_at    timestamptz  not null,
    primary key (customer_id, address)
);
