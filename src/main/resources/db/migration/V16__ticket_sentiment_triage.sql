-- Triage: how the customer sounds and which language they write, on the ticket; what triage
-- understood of each customer message; agents' corrections as training examples; and the
-- trained models with their scores.
alter table ticket
    add column sentiment varchar(16),
    add column sentiment_set_by_agent boolean not null default false,
    add column language varchar(16);

create table triage_result (
    message_id uuid primary key,
    ticket_id uuid not null,
    language varchar(16) not null,
    category varchar(32) not null,
    category_confidence double precision not null,
    priority varchar(16) not null,
    priority_confidence double precision not null,
    sentiment varchar(16) not null,
    sentiment_confidence double precision not null,
    urgent_score double precision not null,
    rule varchar(64),
    entities jsonb not null,
    model_version varchar(64) not null,
    created_at timestamptz not null
);
create index triage_result_ticket on triage_result (ticket_id, created_at);

create table triage_correction (
    id uuid primary key,
    ticket_id uuid not null,
    message_id uuid not null,
    text text not null,
    language varchar(16) not null,
    category varchar(32) not null,
    priority varchar(16) not null,
    sentiment varchar(16) not null,
    corrected_fields varchar(64) not null,
    corrected_by uuid not null,
    created_at timestamptz not null
);
create index triage_correction_created on triage_correction (created_at);
create unique index triage_correction_message on triage_correction (message_id);

create table triage_model (
    version varchar(64) primary key,
    created_at timestamptz not null,
    trigger varchar(32) not null,
    training_examples integer not null,
    evaluation_examples integer not null,
    category_macro_f1 double precision not null,
    category_macro_f1_zh double precision,
    category_macro_f1_en double precision,
    urgent_recall double precision not null,
    urgent_precision double precision not null,
    accepted boolean not null,
    live boolean not null default false,
    report text not null,
    model bytea not null
);
create unique index triage_model_live on triage_model (live) where live;
