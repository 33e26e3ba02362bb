-- The nodes processing events on this database, each renewing its row while it runs (ProcessingNodes, in the
-- runtime package): how many are alive decides how many of a view's segments each node claims, and a name that a
-- running node renews is refused to a second one. instance tells a node's runs apart; seen_at is the database's
-- clock, so the nodes' own clocks do not matter here.
create table processing_node (
    node_name varchar(255) primary key,
    instance  uuid         not null,
    seen_at   timestamptz  not null
);
