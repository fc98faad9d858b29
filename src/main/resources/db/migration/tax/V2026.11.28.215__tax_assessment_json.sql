-- The annual run stores a million inputs and results at once. Nothing queries inside them (they are read back whole,
-- to show or to recompute), so they are kept as json: the text, checked once, instead of jsonb's binary form, which
-- PostgreSQL builds on every insert.
alter table tax_assessment
    alter column input type json using input::json,
    alter column result type json using result::json;
