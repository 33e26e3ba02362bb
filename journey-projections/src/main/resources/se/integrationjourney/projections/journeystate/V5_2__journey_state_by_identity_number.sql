-- Finding a person's journeys by personal identity number (stored as 12 digits) in every municipality: the
-- duplicate check when a newcomer is registered, and the auditor's search. A rebuilt view gets the index too (its
-- table is created "like" this one, "including all").
create index journey_state_identity_number_idx
    on journey_state ((case_file -> 'personalDetails' ->> 'personalIdentityNumber'));
