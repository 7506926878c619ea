-- The next service-level deadline of a ticket, kept by the SLA module, orders the queue
-- after priority.
alter table ticket add column sla_due_at timestamptz;
