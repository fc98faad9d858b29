-- 公的年金等からの特別徴収 (地方税法第321条の7の2〜第321条の7の8): the part of a pensioner's tax attributed to the
-- 公的年金等に係る所得, and its six amounts (April, June, August, October, December, February). FIRST_YEAR: June and
-- August are paid by the taxpayer (普通徴収), nothing in April; CONTINUING: April to August are 仮特別徴収.
-- The rest of the tax keeps the columns collection / payer_no / installments. Null: no pension withholding.
alter table tax_assessment
    add column pension_collection   text check (pension_collection in ('FIRST_YEAR', 'CONTINUING')),
    add column pension_amount       bigint,
    add column pension_installments bigint[];
