-- A username names one account whatever its case: "Admin" and "admin" are the same person, so they must not be two
-- accounts with two passwords. Sign-in and account creation compare lower(username); this index makes it hold.
-- Accounts that already differ only in case cannot be merged here without choosing whose password and roles win:
-- the migration stops and names how many, and an administrator renames or deletes all but one of each first.
do $$
declare
    clashes integer;
begin
    select count(*) into clashes
    from (select lower(username) from account group by lower(username) having count(*) > 1) as clash;
    if clashes > 0 then
        raise exception '% usernames exist in more than one case (e.g. Admin and admin); rename or delete all but one of each, then start again (docs/operations.md, Accounts)', clashes;
    end if;
end
$$;

create unique index account_username_lower_ix on account (lower(username));
