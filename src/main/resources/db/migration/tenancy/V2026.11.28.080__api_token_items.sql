-- The items of the inquiry API a token's system may read (item:<name> authorities); empty for other tokens.
alter table api_token add column items text[] not null default '{}';
