-- The database assigns ticket numbers on insert (returned to the application by the insert
-- itself), saving a round trip per new ticket.
alter table ticket alter column number set default nextval('ticket_number_seq');
alter sequence ticket_number_seq owned by ticket.number;
